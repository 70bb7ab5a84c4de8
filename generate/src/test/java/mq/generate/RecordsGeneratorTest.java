package mq.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordsGeneratorTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void sameSeedWritesTheSameFile() throws IOException {
        RecordsSpec spec = RecordsSpec.of(2_000, 300, 5).withMixedTimestamps(true);
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");

        RecordsGenerator.write(first, spec);
        RecordsGenerator.write(second, spec);

        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    }

    @Test
    void anotherSeedWritesAnotherFile() throws IOException {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");

        RecordsGenerator.write(first, RecordsSpec.of(100, 20, 1));
        RecordsGenerator.write(second, RecordsSpec.of(100, 20, 2));

        assertThat(Files.readAllBytes(first)).isNotEqualTo(Files.readAllBytes(second));
    }

    @Test
    void jsonArrayIsValidJsonWithOneObjectPerLine() throws IOException {
        Path out = dir.resolve("records.json");

        GeneratedFile written = RecordsGenerator.write(out, RecordsSpec.of(50, 10, 42));

        JsonNode whole = MAPPER.readTree(out.toFile());
        assertThat(whole.isArray()).isTrue();
        assertThat(whole).hasSize(50);
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(52);
        assertThat(lines.get(0)).isEqualTo("[");
        assertThat(lines.get(51)).isEqualTo("]");
        assertThat(lines.subList(1, 50)).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("},"));
        assertThat(lines.get(50)).startsWith("{").endsWith("}");
        assertThat(written.items()).isEqualTo(50);
        assertThat(written.bytes()).isEqualTo(Files.size(out));
    }

    @Test
    void jsonLinesHasOneObjectPerLine() throws IOException {
        Path out = dir.resolve("records.jsonl");

        RecordsGenerator.write(out, RecordsSpec.of(200, 40, 42).withFormat(RecordFormat.JSONL));

        String text = Files.readString(out);
        assertThat(text).endsWith("}\n").doesNotContain("\r");
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(200);
        assertThat(lines).allSatisfy(line -> assertThat(MAPPER.readTree(line).isObject()).isTrue());
    }

    @Test
    void everyRecordHasTheFieldsOfAMockarooExport() throws IOException {
        List<JsonNode> records = generate(RecordsSpec.of(1_000, 200, 9));

        assertThat(records).hasSize(1_000).allSatisfy(record -> {
            assertThat(record.fieldNames()).toIterable().containsExactly("id", "first_name", "last_name", "email",
                    "gender", "ip_address", "country", "amount", "quantity", "active", "address", "updated_at");
            assertThat(record.get("id").isInt()).isTrue();
            assertThat(record.get("amount").isNumber()).isTrue();
            assertThat(record.get("quantity").isInt()).isTrue();
            assertThat(record.get("active").isBoolean()).isTrue();
            JsonNode address = record.get("address");
            if (!address.isNull()) {
                assertThat(address.fieldNames()).toIterable().containsExactly("street", "city", "zip");
            }
        });
        assertThat(records).anyMatch(record -> record.get("gender").isNull());
        assertThat(records).anyMatch(record -> record.get("address").isNull());
    }

    @Test
    void amountsHaveExactlyTwoFractionDigits() throws IOException {
        Path out = dir.resolve("records.jsonl");

        RecordsGenerator.write(out, RecordsSpec.of(500, 100, 3).withFormat(RecordFormat.JSONL));

        assertThat(Files.readAllLines(out)).allSatisfy(line -> assertThat(line).containsPattern("\"amount\":\\d+\\.\\d{2},"));
    }

    @Test
    void nonAsciiAndQuotesAreWrittenAsValidUtf8Json() throws IOException {
        Path out = dir.resolve("records.json");

        RecordsGenerator.write(out, RecordsSpec.of(2_000, 400, 4));

        String text = Files.readString(out);
        assertThat(text).contains("Zoë", "Łukasz", "José", "Đorđe", "李", "\\\"Old Mill\\\"");
        Set<String> firstNames = new java.util.HashSet<>();
        MAPPER.readTree(text).forEach(record -> firstNames.add(record.get("first_name").asText()));
        assertThat(firstNames).contains("Zoë", "Đorđe", "李");
    }

    @Test
    void idsStayInTheKeyRangeRepeatAndAllAppear() throws IOException {
        List<JsonNode> records = generate(RecordsSpec.of(5_000, 1_000, 8));

        Map<Integer, Long> versions = records.stream()
                .collect(Collectors.groupingBy(record -> record.get("id").asInt(), Collectors.counting()));
        assertThat(versions.keySet()).allSatisfy(id -> assertThat(id).isBetween(1, 1_000));
        assertThat(versions).hasSize(1_000);
        assertThat(versions.values()).anyMatch(count -> count > 1);
    }

    @Test
    void aSingleKeyGetsEveryRecord() throws IOException {
        List<JsonNode> records = generate(RecordsSpec.of(30, 1, 8));

        assertThat(records).allSatisfy(record -> assertThat(record.get("id").asInt()).isEqualTo(1));
    }

    @Test
    void defaultTimestampsAreIsoUtcToTheSecondWithinTheYear() throws IOException {
        List<JsonNode> records = generate(RecordsSpec.of(1_000, 200, 6));

        assertThat(records).allSatisfy(record -> {
            String text = record.get("updated_at").asText();
            assertThat(text).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
            assertThat(Instant.parse(text)).isBetween(RecordsGenerator.WINDOW_START, RecordsGenerator.WINDOW_END);
        });
    }

    @Test
    void mixedTimestampsUseAllFourFormats() throws IOException {
        List<JsonNode> records = generate(RecordsSpec.of(1_000, 200, 6).withMixedTimestamps(true));

        List<JsonNode> stamps = records.stream().map(record -> record.get("updated_at")).toList();
        assertThat(stamps).anyMatch(stamp -> stamp.asText().endsWith("Z"));
        assertThat(stamps).anyMatch(stamp -> stamp.asText().matches(".*T.*[+-]\\d{2}:\\d{2}"));
        assertThat(stamps).anyMatch(stamp -> stamp.asText().matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"));
        assertThat(stamps).anyMatch(JsonNode::isLong);
        assertThat(stamps).allSatisfy(stamp -> assertThat(instant(stamp))
                .isBetween(RecordsGenerator.WINDOW_START, RecordsGenerator.WINDOW_END));
    }

    @Test
    void versionsOfAKeyArriveOutOfTimeOrder() throws IOException {
        List<JsonNode> records = generate(RecordsSpec.of(1_000, 100, 12));

        Map<Integer, Instant> previous = new HashMap<>();
        boolean earlierAfterLater = false;
        for (JsonNode record : records) {
            Instant at = instant(record.get("updated_at"));
            Instant before = previous.put(record.get("id").asInt(), at);
            earlierAfterLater |= before != null && at.isBefore(before);
        }
        assertThat(earlierAfterLater).isTrue();
    }

    @Test
    void someKeysHaveSeveralVersionsAtTheirLatestInstant() throws IOException {
        // Given a larger sample, with mixed formats so a tie may be spelled two ways
        List<JsonNode> records = generate(RecordsSpec.of(20_000, 4_000, 13).withMixedTimestamps(true));

        // When grouping the versions of each key by instant
        Map<Integer, List<Instant>> byKey = new HashMap<>();
        for (JsonNode record : records) {
            byKey.computeIfAbsent(record.get("id").asInt(), id -> new ArrayList<>()).add(instant(record.get("updated_at")));
        }

        // Then some keys have two or more versions at their latest instant, but only a few percent of records
        long tiedRecords = 0;
        for (List<Instant> instants : byKey.values()) {
            Instant latest = instants.stream().max(Instant::compareTo).orElseThrow();
            long atLatest = instants.stream().filter(latest::equals).count();
            tiedRecords += atLatest > 1 ? atLatest : 0;
        }
        assertThat(tiedRecords).isBetween(2L, records.size() / 20L);
    }

    @Test
    void rejectsBadKeysAndCounts() {
        assertThatThrownBy(() -> RecordsSpec.of(0, 1, 1)).hasMessageContaining("--count");
        assertThatThrownBy(() -> RecordsSpec.of(10, 0, 1)).hasMessageContaining("--keys");
        assertThatThrownBy(() -> RecordsSpec.of(10, 11, 1)).hasMessageContaining("must not be greater than --count");
    }

    private List<JsonNode> generate(RecordsSpec spec) throws IOException {
        Path out = dir.resolve("records.jsonl");
        RecordsGenerator.write(out, spec.withFormat(RecordFormat.JSONL));
        try (var lines = Files.lines(out)) {
            return lines.map(RecordsGeneratorTest::parse).toList();
        }
    }

    private static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads any of the four spellings of {@code updated_at}. */
    static Instant instant(JsonNode stamp) {
        if (stamp.isNumber()) {
            return Instant.ofEpochMilli(stamp.asLong());
        }
        String text = stamp.asText();
        if (text.endsWith("Z")) {
            return Instant.parse(text);
        }
        if (text.contains("T")) {
            return OffsetDateTime.parse(text).toInstant();
        }
        return LocalDateTime.parse(text, DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")).toInstant(ZoneOffset.UTC);
    }
}
