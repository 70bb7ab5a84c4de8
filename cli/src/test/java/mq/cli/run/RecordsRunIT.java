package mq.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mq.generate.RecordFormat;
import mq.generate.RecordsGenerator;
import mq.generate.RecordsSpec;
import mq.common.protocol.JobReport;
import mq.common.protocol.Json;
import mq.producer.input.InputFormat;
import mq.worker.reduce.TimestampParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** A records job through worker processes gives exactly what one sequential pass over the file gives. */
class RecordsRunIT {
    @TempDir
    Path dir;

    private final RunFixture fixture = new RunFixture();

    @ParameterizedTest
    @EnumSource(RecordFormat.class)
    void latestVersionPerKeyMatchesASequentialPass(RecordFormat format) throws Exception {
        // Given records with repeated ids, tied timestamps and mixed timestamp formats
        Path input = dir.resolve("records." + format.name().toLowerCase());
        RecordsGenerator.write(input, RecordsSpec.of(6_000, 700, 11).withFormat(format).withMixedTimestamps(true));
        Path out = dir.resolve("out");

        // When two workers reduce it in chunks of 250
        InputFormat inputFormat = format == RecordFormat.JSON ? InputFormat.JSON_ARRAY : InputFormat.JSON_LINES;
        JobReport report = fixture.run(2, RunFixture.request("records-" + format, input, inputFormat, 250, false, out,
                "amount", "quantity"), out);

        // Then records.jsonl, the counts and the sums equal a plain sequential last-writer-wins pass
        Expected expected = Expected.of(input);
        assertThat(report.verified()).isTrue();
        assertThat(report.count()).isEqualTo(6_000);
        assertThat(report.distinctKeys()).isEqualTo(expected.latest.size());
        assertThat(report.superseded()).isEqualTo(6_000 - expected.latest.size());
        assertThat(report.sums().get("amount")).isEqualByComparingTo(expected.sum("amount"));
        assertThat(report.sums().get("quantity")).isEqualByComparingTo(expected.sum("quantity"));
        List<JsonNode> written = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("records.jsonl"))) {
            written.add(Json.RECORDS.readTree(line));
        }
        assertThat(written).containsExactlyElementsOf(expected.sortedById());
    }

    /** The obvious single-threaded computation, written independently of the pipeline's classes. */
    private record Expected(Map<Long, JsonNode> latest) {
        static Expected of(Path input) throws Exception {
            List<JsonNode> all = new ArrayList<>();
            if (input.toString().endsWith(".json")) {
                Json.RECORDS.readTree(input.toFile()).forEach(all::add);
            } else {
                try (BufferedReader reader = Files.newBufferedReader(input)) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        if (!line.isBlank()) all.add(Json.RECORDS.readTree(line));
                    }
                }
            }
            Map<Long, JsonNode> latest = new HashMap<>();
            Map<Long, Instant> latestAt = new HashMap<>();
            for (JsonNode record : all) { // in file order: on equal instants the later one wins
                long id = record.get("id").asLong();
                Instant at = TimestampParser.parse(record.get("updated_at"));
                if (!latestAt.containsKey(id) || !at.isBefore(latestAt.get(id))) {
                    latest.put(id, record);
                    latestAt.put(id, at);
                }
            }
            return new Expected(latest);
        }

        BigDecimal sum(String field) {
            return latest.values().stream().map(r -> r.get(field)).filter(v -> v != null && !v.isNull())
                    .map(JsonNode::decimalValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        List<JsonNode> sortedById() {
            return latest.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue).toList();
        }
    }
}
