package mq.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mq.common.exact.NumberStats;
import mq.common.records.RecordKey;
import mq.common.records.RecordVersion;
import org.junit.jupiter.api.Test;

class JsonTest {

    private static <T> T roundTrip(T message, Class<T> type) {
        return Json.decode(Json.encode(message), type);
    }

    private static JsonNode tree(Object message) throws IOException {
        return Json.MAPPER.readTree(Json.encode(message));
    }

    private static Partial numbersPartial(NumberStats stats) {
        return new Partial("job-1", 3, "worker-a", JobKind.NUMBERS, 4, 120, 4_000_000_000L, 1_000, 1_005, 1_010,
                2_500_000, stats, null, 1, List.of(new BadLine(7, "abc", "not a number")), null);
    }

    private static RecordVersion recordVersion(RecordKey key, String instant, Map<String, BigDecimal> sums) {
        return new RecordVersion(key, Instant.parse(instant), 12, 14, sums,
                "{\"id\":7,\"updated_at\":\"" + instant + "\",\"price\":0.10}");
    }

    @Test
    void numbersPartialRoundTripsWithExactValues() {
        NumberStats stats = new NumberStats(4, new BigDecimal("123456789012345678901234.10"),
                new BigDecimal("-0.000000001"), new BigDecimal("9223372036854775808"));
        Partial partial = numbersPartial(stats);

        Partial decoded = roundTrip(partial, Partial.class);

        assertThat(decoded.numbers()).isEqualTo(stats.canonical());
        assertThat(decoded).usingRecursiveComparison().ignoringFields("numbers").isEqualTo(partial);
    }

    @Test
    void emptyNumbersPartialKeepsMissingExtremes() {
        Partial decoded = roundTrip(numbersPartial(NumberStats.EMPTY), Partial.class);

        assertThat(decoded.numbers()).isEqualTo(NumberStats.EMPTY);
    }

    @Test
    void decimalsAreEncodedAsCanonicalStrings() throws IOException {
        NumberStats stats = new NumberStats(2, new BigDecimal("0.10"), new BigDecimal("1E+3"), new BigDecimal("1000.00"));

        JsonNode numbers = tree(numbersPartial(stats)).get("numbers");

        assertThat(numbers.get("sum").isTextual()).isTrue();
        assertThat(numbers.get("sum").textValue()).isEqualTo("0.1");
        assertThat(numbers.get("min").textValue()).isEqualTo("1000");
        assertThat(numbers.get("max").textValue()).isEqualTo("1000");
    }

    @Test
    void fieldNamesAreSnakeCase() throws IOException {
        JsonNode node = tree(numbersPartial(NumberStats.EMPTY));

        assertThat(node.has("picked_up_at")).isTrue();
        assertThat(node.has("bad_samples")).isTrue();
        assertThat(node.has("pickedUpAt")).isFalse();
    }

    @Test
    void recordsPartialRoundTripsKeysInstantsAndSums() {
        RecordVersion numeric = recordVersion(RecordKey.ofNumber(new BigDecimal("7.0")),
                "2024-05-06T07:08:09.123456789Z", Map.of("price", new BigDecimal("0.10"), "qty", new BigDecimal("3")));
        RecordVersion text = recordVersion(RecordKey.ofText("7"), "1969-12-31T23:59:59.5Z", Map.of());
        Partial partial = new Partial("job-2", 0, "w", JobKind.RECORDS, 2, 300, 17, 1, 2, 3, 4,
                null, List.of(numeric, text), 0, List.of(), null);

        Partial decoded = roundTrip(partial, Partial.class);

        assertThat(decoded.latest()).hasSize(2);
        RecordVersion first = decoded.latest().get(0);
        assertThat(first.key()).isEqualTo(RecordKey.ofNumber(new BigDecimal("7")));
        assertThat(first.timestamp()).isEqualTo(Instant.parse("2024-05-06T07:08:09.123456789Z"));
        assertThat(first.sumValues().get("price")).isEqualByComparingTo("0.10");
        assertThat(first.sumValues().get("qty")).isEqualByComparingTo("3");
        assertThat(first.json()).isEqualTo(numeric.json());
        assertThat(first.position()).isEqualTo(12);
        assertThat(first.line()).isEqualTo(14);
        assertThat(decoded.latest().get(1)).isEqualTo(text);
        assertThat(decoded).usingRecursiveComparison().ignoringFields("latest").isEqualTo(partial);
    }

    @Test
    void recordKeysTravelAsJsonNumberOrJsonString() throws IOException {
        Partial partial = new Partial("j", 0, "w", JobKind.RECORDS, 2, 0, 0, 0, 0, 0, 0, null,
                List.of(recordVersion(RecordKey.ofNumber(new BigDecimal("1E+2")), "2024-01-01T00:00:00Z", Map.of()),
                        recordVersion(RecordKey.ofText("100"), "2024-01-01T00:00:00Z", Map.of())),
                0, List.of(), null);

        JsonNode latest = tree(partial).get("latest");

        assertThat(latest.get(0).get("key").isNumber()).isTrue();
        assertThat(latest.get(0).get("key").asText()).isEqualTo("100");
        assertThat(latest.get(1).get("key").isTextual()).isTrue();
        assertThat(latest.get(0).get("timestamp").textValue()).isEqualTo("2024-01-01T00:00:00Z");
    }

    @Test
    void failedPartialRoundTrips() {
        Partial partial = new Partial("", -1, "w", null, 0, 5, 0, 0, 9, 10, 1, null, null, 0, List.of(),
                "unreadable chunk message: chunk message has no header mq-kind");

        Partial decoded = roundTrip(partial, Partial.class);

        assertThat(decoded).isEqualTo(partial);
        assertThat(decoded.failed()).isTrue();
    }

    @Test
    void startedEventRoundTrips() {
        JobEvent started = new JobEvent.Started("job-1", JobKind.RECORDS, "data.json", "json",
                new RecordSpec("id", "updated_at", List.of("price", "qty")), true, "out/dir", 1_700_000_000_000L);

        assertThat(roundTrip(started, JobEvent.class)).isEqualTo(started);
    }

    @Test
    void startedEventOfNumbersHasNoSpec() {
        JobEvent started = new JobEvent.Started("job-1", JobKind.NUMBERS, "n.txt", "numbers", null, false, null, 5);

        assertThat(roundTrip(started, JobEvent.class)).isEqualTo(started);
    }

    @Test
    void endedEventRoundTripsWithAFullWidthChecksum() {
        JobEvent ended = new JobEvent.Ended("job-1", 12, 1_000_000, 3, 8_000_000, -6_000_000_000_000_000_000L, 950, 7);

        assertThat(roundTrip(ended, JobEvent.class)).isEqualTo(ended);
    }

    @Test
    void abortedEventRoundTrips() {
        JobEvent aborted = new JobEvent.Aborted("job-1", "data.json, line 3: malformed JSON",
                List.of(new BadLine(3, "{\"id\": 1,,}", "malformed JSON")), 99);

        assertThat(roundTrip(aborted, JobEvent.class)).isEqualTo(aborted);
    }

    @Test
    void eventsCarryTheirTypeName() throws IOException {
        JobEvent ended = new JobEvent.Ended("job-1", 1, 1, 0, 1, 1, 1, 1);

        assertThat(tree(ended).get("type").textValue()).isEqualTo("ended");
        assertThat(tree(new JobEvent.Aborted("j", "r", List.of(), 1)).get("type").textValue()).isEqualTo("aborted");
    }

    @Test
    void jobKindTravelsByItsWireName() throws IOException {
        JobEvent started = new JobEvent.Started("j", JobKind.NUMBERS, "n.txt", "numbers", null, false, null, 5);

        assertThat(tree(started).get("kind").textValue()).isEqualTo("numbers");
    }

    @Test
    void progressMessageRoundTrips() {
        ResultMessage progress = new ResultMessage.Progress("job-1", 3, -1, 300, 12345);

        assertThat(roundTrip(progress, ResultMessage.class)).isEqualTo(progress);
    }

    @Test
    void finalMessageRoundTripsItsReport() {
        ResultMessage message = new ResultMessage.Final("job-1", numbersReport());

        ResultMessage decoded = roundTrip(message, ResultMessage.class);

        assertThat(decoded).isEqualTo(message);
    }

    @Test
    void recordsReportRoundTrips() {
        JobReport report = recordsReport();

        assertThat(roundTrip(report, JobReport.class)).isEqualTo(report);
    }

    @Test
    void reportLeavesOutFieldsThatDoNotApply() throws IOException {
        JsonNode node = tree(numbersReport());

        assertThat(node.has("distinct_keys")).isFalse();
        assertThat(node.has("sums")).isFalse();
        assertThat(node.get("sum").textValue()).isEqualTo("12345678901234567890.5");
        assertThat(node.get("status").textValue()).isEqualTo("succeeded");
    }

    @Test
    void unknownFieldsAreIgnored() {
        String json = "{\"type\":\"progress\",\"job\":\"j\",\"merged_chunks\":2,\"expected_chunks\":5,"
                + "\"records\":10,\"at\":3,\"added_in_a_later_version\":{\"x\":[1,2]}}";

        ResultMessage decoded = Json.decode(json.getBytes(StandardCharsets.UTF_8), ResultMessage.class);

        assertThat(decoded).isEqualTo(new ResultMessage.Progress("j", 2, 5, 10, 3));
    }

    @Test
    void decimalsWrittenAsJsonNumbersAreReadToo() {
        String json = "{\"job\":\"j\",\"chunk\":0,\"kind\":\"numbers\",\"numbers\":"
                + "{\"count\":1,\"sum\":0.10,\"min\":0.10,\"max\":0.10}}";

        Partial decoded = Json.decode(json.getBytes(StandardCharsets.UTF_8), Partial.class);

        assertThat(decoded.numbers().sum()).isEqualByComparingTo("0.1");
    }

    @Test
    void garbageIsAMalformedMessage() {
        assertThatThrownBy(() -> Json.decode("{not json".getBytes(StandardCharsets.UTF_8), Partial.class))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("Partial");
    }

    @Test
    void unknownEventTypeIsAMalformedMessage() {
        byte[] json = "{\"type\":\"paused\",\"job\":\"j\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Json.decode(json, JobEvent.class)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void recordsMapperKeepsTrailingZeros() throws IOException {
        JsonNode node = Json.RECORDS.readTree("{\"price\":12.50,\"big\":1.000000000000000000001}");

        assertThat(node.get("price").decimalValue()).isEqualTo(new BigDecimal("12.50"));
        assertThat(Json.RECORDS.writeValueAsString(node)).contains("12.50").contains("1.000000000000000000001");
    }

    static JobReport numbersReport() {
        return new JobReport("job-1", JobKind.NUMBERS, JobReport.SUCCEEDED, null, "n.txt", "numbers", 5,
                new BigDecimal("12345678901234567890.5"), new BigDecimal("-3"), new BigDecimal("10000000000000000000"),
                null, null, null, null, null, null, 2, 1, true,
                new JobReport.Verification(2, 2, 5, 5, 123, 123), 1, null,
                new JobReport.Timings(10, 2, 30, 40, new JobReport.Distribution(1.5, 1, 2, 2),
                        new JobReport.Distribution(0, 0, 0, 0), 3),
                new JobReport.Throughput(125.0, 0.5), Map.of("w1", new JobReport.WorkerShare(2, 5, 3)),
                null, 1_000, 1_040);
    }

    static JobReport recordsReport() {
        return new JobReport("job-2", JobKind.RECORDS, JobReport.FAILED, "data.jsonl, line 3: malformed JSON: {",
                "data.jsonl", "jsonl", 9, null, null, null, 4L, 5L,
                Map.of("price", new BigDecimal("10.5")), Map.of("price", 1L), "records.jsonl",
                new JobReport.StateStore(true, 134_217_728L, 3), 3, 2, false,
                new JobReport.Verification(3, 3, 10, 10, 77, 77), 0,
                new JobReport.Skipped(1, List.of(new BadLine(3, "{", "malformed JSON"))),
                new JobReport.Timings(10, 2, 30, 40, new JobReport.Distribution(1.5, 1, 2, 2),
                        new JobReport.Distribution(0.3, 0, 1, 1), 3),
                new JobReport.Throughput(125.0, 0.5),
                Map.of("w1", new JobReport.WorkerShare(2, 7, 3), "w2", new JobReport.WorkerShare(1, 3, 1)),
                "some/dir", 1_000, 1_040);
    }
}
