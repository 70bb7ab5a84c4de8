package mq.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mq.generate.schema.Schema;
import mq.generate.schema.SchemaFormat;
import mq.generate.schema.SchemaGenerator;
import mq.generate.schema.SchemaRun;
import mq.common.protocol.JobReport;
import mq.common.protocol.Json;
import mq.common.protocol.RecordSpec;
import mq.producer.JobPublisher;
import mq.producer.input.InputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Mockaroo-style CSV through worker processes and a real broker equals one sequential pass over the file. */
class CsvRunIT {
    private static final String FORMAT = "M/d/yyyy HH:mm:ss";

    @TempDir
    Path dir;

    private final RunFixture fixture = new RunFixture();

    @Test
    void aGeneratedMockarooCsvGivesTheSequentialLatestRecordsAndSums() throws Exception {
        // Given the shipped example schema as CSV: blanks, quoted values, nested names, versions out of order, ties
        Path input = dir.resolve("MOCK_DATA.csv");
        SchemaGenerator.write(input, new SchemaRun(Schema.builtIn(), 5_000, 600, 9, SchemaFormat.CSV), done -> { });
        Path out = dir.resolve("out");
        RecordSpec spec = new RecordSpec("id", "updated_at", List.of("amount"))
                .withKeyType(RecordSpec.KeyType.NUMBER).withTimestampFormat(FORMAT, "UTC");

        // When two workers reduce it in chunks of 200
        JobReport report = fixture.run(2, new JobPublisher.Request("csv-run", input, InputFormat.CSV, spec, 200, false,
                out.toAbsolutePath().toString()), out);

        // Then records.jsonl (each record the object of its columns, as written) and the sum equal a sequential pass
        Map<BigDecimal, ObjectNode> expected = sequential(input);
        assertThat(report.status()).isEqualTo(JobReport.SUCCEEDED);
        assertThat(report.verified()).isTrue();
        assertThat(report.count()).isEqualTo(5_000);
        assertThat(report.distinctKeys()).isEqualTo(600);
        assertThat(report.sums().get("amount")).isEqualByComparingTo(expected.values().stream()
                .map(r -> r.get("amount")).filter(v -> !v.isNull()).map(v -> new BigDecimal(v.textValue()))
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        List<JsonNode> written = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("records.jsonl"))) {
            written.add(Json.RECORDS.readTree(line));
        }
        assertThat(written).containsExactlyElementsOf(expected.values());
    }

    @Test
    void aCsvRecordThatCannotBeReadFailsTheJobWithItsLineAndText() throws Exception {
        // Given a Mockaroo CSV whose third record has a field too few, after a quoted line break
        Path input = Files.writeString(dir.resolve("bad.csv"), """
                id,name,updated_at\r
                1,"Ann\r
                Lee",4/16/2025 10:00:00\r
                2,Bob,4/16/2025 10:00:00\r
                3,Cy\r
                """, StandardCharsets.UTF_8);
        Path out = dir.resolve("bad-out");
        RecordSpec spec = new RecordSpec("id", "updated_at", List.of()).withTimestampFormat("M/d/yyyy H:mm:ss", "UTC");

        // When
        JobReport report = fixture.run(1, new JobPublisher.Request("csv-bad", input, InputFormat.CSV, spec, 2, false,
                out.toAbsolutePath().toString()), out);

        // Then the line counts the quoted line break
        assertThat(report.status()).isEqualTo(JobReport.FAILED);
        assertThat(report.error()).contains("bad.csv", "line 5", "3,Cy", "has 2 fields but the header row names 3");
    }

    /** Reads the file with Jackson's CSV mapper as maps, and keeps the last version of each id in file order. */
    private static Map<BigDecimal, ObjectNode> sequential(Path input) throws Exception {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(FORMAT);
        Map<BigDecimal, ObjectNode> latest = new TreeMap<>();
        Map<BigDecimal, LocalDateTime> latestAt = new TreeMap<>();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(input.toFile())) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                BigDecimal id = new BigDecimal(row.get("id"));
                LocalDateTime at = LocalDateTime.parse(row.get("updated_at"), format);
                if (!latestAt.containsKey(id) || !at.isBefore(latestAt.get(id))) {
                    ObjectNode object = JsonNodeFactory.instance.objectNode();
                    row.forEach((column, value) -> {
                        if (value.isEmpty()) object.putNull(column); else object.put(column, value);
                    });
                    latest.put(id, object);
                    latestAt.put(id, at);
                }
            }
        }
        assertThat(latestAt.values()).allSatisfy(at -> assertThat(at.toInstant(ZoneOffset.UTC)).isNotNull());
        return latest;
    }
}
