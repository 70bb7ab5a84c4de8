package mq.worker.reduce;

import static mq.worker.reduce.Chunks.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import mq.common.protocol.BadLine;
import mq.common.protocol.JobKind;
import mq.common.protocol.Partial;
import mq.common.records.RecordKey;
import mq.common.records.RecordVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChunkReducerRecordsTest {

    private final ChunkReducer reducer = new ChunkReducer("worker-1", BusyWork.NONE);

    private Partial reduce(String body) {
        return reduce(1, 0, body, null);
    }

    private Partial reduce(long firstLine, long firstRecord, String body, long[] lines) {
        byte[] bytes = utf8(body);
        return reducer.reduce(Chunks.records(0, firstLine, firstRecord, bytes, lines), bytes, 0);
    }

    private static RecordVersion only(Partial partial) {
        assertThat(partial.latest()).hasSize(1);
        return partial.latest().get(0);
    }

    private static String record(Object id, String updatedAt, String more) {
        String key = id instanceof String s ? "\"" + s + "\"" : id.toString();
        return "{\"id\":" + key + ",\"updated_at\":\"" + updatedAt + "\"" + more + "}";
    }

    @Test
    void keepsTheLatestVersionOfEachKey() {
        String old = record(1, "2024-01-01T10:00:00Z", ",\"v\":\"old\"");
        String newer = record(1, "2024-01-02T10:00:00Z", ",\"v\":\"new\"");
        String other = record(2, "2024-01-01T10:00:00Z", "");

        Partial partial = reduce(newer + "\n" + old + "\n" + other + "\n");

        assertThat(partial.kind()).isEqualTo(JobKind.RECORDS);
        assertThat(partial.records()).isEqualTo(3);
        assertThat(partial.latest()).extracting(RecordVersion::json).containsExactly(newer, other);
        assertThat(partial.numbers()).isNull();
    }

    @Test
    void offsetsAreComparedAsInstants() {
        String tenInParis = record(1, "2024-01-01T10:00:00+02:00", "");
        String nineUtc = record(1, "2024-01-01T09:00:00Z", "");

        Partial partial = reduce(nineUtc + "\n" + tenInParis + "\n");

        assertThat(only(partial).json()).isEqualTo(nineUtc);
    }

    @Test
    void equalTimestampsAreWonByTheLaterPosition() {
        String first = record(1, "2024-01-01T10:00:00Z", ",\"v\":1");
        String second = record(1, "2024-01-01T10:00:00Z", ",\"v\":2");
        String older = record(1, "2023-01-01T10:00:00Z", ",\"v\":3");

        Partial partial = reduce(first + "\n" + second + "\n" + older + "\n");

        assertThat(only(partial).json()).isEqualTo(second);
    }

    @Test
    void positionsCountRecordsFromTheChunksFirstRecordSkippingBlankLines() {
        String a = record("a", "2024-01-01T10:00:00Z", "");
        String b = record("b", "2024-01-01T10:00:00Z", "");

        Partial partial = reduce(20, 500, a + "\n\n  \n" + b + "\n", null);

        assertThat(partial.latest()).extracting(RecordVersion::position).containsExactly(500L, 501L);
        assertThat(partial.latest()).extracting(RecordVersion::line).containsExactly(20L, 23L);
    }

    @Test
    void numericKeysAreKeysByValueAndTextKeysDiffer() {
        String seven = record(7, "2024-01-01T10:00:00Z", "");
        String sevenPointZero = record(new BigDecimal("7.0"), "2024-01-02T10:00:00Z", "");
        String sevenText = record("7", "2024-01-03T10:00:00Z", "");

        Partial partial = reduce(seven + "\n" + sevenPointZero + "\n" + sevenText + "\n");

        assertThat(partial.latest()).extracting(RecordVersion::key)
                .containsExactly(RecordKey.ofNumber(new BigDecimal("7")), RecordKey.ofText("7"));
        assertThat(partial.latest().get(0).json()).isEqualTo(sevenPointZero);
    }

    @Test
    void keepsTheRecordTextUnchanged() {
        String text = "{ \"id\" : \"é\", \"updated_at\":\"2024-01-01\", \"price\": 12.50, \"nested\": {\"a\": [1, null]} }";

        assertThat(only(reduce("  " + text + "  \r\n")).json()).isEqualTo(text);
    }

    @Test
    void extractsSumFieldsExactly() {
        String text = record(1, "2024-01-01", ",\"price\":12.50,\"qty\":\"3\"");

        RecordVersion version = only(reduce(text + "\n"));

        assertThat(version.sumValues()).containsOnlyKeys("price", "qty");
        assertThat(version.sumValues().get("price")).isEqualByComparingTo("12.5");
        assertThat(version.sumValues().get("qty")).isEqualByComparingTo("3");
    }

    @Test
    void missingAndNullSumFieldsAreLeftOut() {
        String text = record(1, "2024-01-01", ",\"price\":null");

        assertThat(only(reduce(text + "\n")).sumValues()).isEmpty();
    }

    @Test
    void readsTimestampsInEveryAcceptedForm() {
        String body = String.join("\n",
                "{\"id\":1,\"updated_at\":1704103200}",
                "{\"id\":2,\"updated_at\":1704103200000}",
                "{\"id\":3,\"updated_at\":\"2024-01-01 10:00:00\"}",
                "{\"id\":4,\"updated_at\":\"1704103200\"}") + "\n";

        Partial partial = reduce(body);

        assertThat(partial.badCount()).isZero();
        assertThat(partial.latest()).extracting(RecordVersion::timestamp)
                .containsOnly(Instant.parse("2024-01-01T10:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"updated_at\":\"2024-01-01\"}                        | no key field 'id'",
            "{\"id\":null,\"updated_at\":\"2024-01-01\"}            | no key field 'id'",
            "{\"id\":true,\"updated_at\":\"2024-01-01\"}            | key field 'id' must be a string or a number, was true",
            "{\"id\":{\"a\":1},\"updated_at\":\"2024-01-01\"}       | key field 'id' must be a string or a number",
            "{\"id\":1}                                             | no timestamp field 'updated_at'",
            "{\"id\":1,\"updated_at\":null}                         | no timestamp field 'updated_at'",
            "{\"id\":1,\"updated_at\":\"soon\"}                     | timestamp field 'updated_at' 'soon' is not a timestamp",
            "{\"id\":1,\"updated_at\":\"2024-01-01\",\"price\":\"a\"} | sum field 'price' is not a number: \"a\"",
            "{\"id\":1,\"updated_at\":\"2024-01-01\",\"qty\":[1]}   | sum field 'qty' is not a number: [1]",
            "{\"id\":1,\"updated_at\":99999999999999999999}           | timestamp field 'updated_at' ",
            "{\"id\":1,\"updated_at\":\"99999999999999999999\"}       | timestamp field 'updated_at' ",
            "{\"id\":1e999999999,\"updated_at\":\"2024-01-01\"}     | key field 'id' is out of range",
            "{\"id\":1,\"updated_at\":\"2024-01-01\",\"price\":1e-999999999} | sum field 'price' is out of range",
            "{\"id\":1,\"updated_at\":\"2024-01-01\",\"price\":\"1e999999999\"} | sum field 'price' is not a number",
            "[1,2]                                                  | not a JSON object",
            "42                                                     | not a JSON object",
            "null                                                   | not a JSON object",
            "\"text\"                                               | not a JSON object",
            "{\"id\":1,                                             | malformed JSON",
            "not json                                               | malformed JSON",
            "{\"id\":1,\"updated_at\":\"2024-01-01\"} trailing        | malformed JSON",
            "{\"id\":1,\"updated_at\":\"2024-01-01\"}{\"id\":2,\"updated_at\":\"2024-01-02\"} | malformed JSON: more than one value on the line"})
    void aBadRecordIsABadLineWithAClearMessage(String text, String message) {
        String good = record(9, "2024-01-01", "");

        Partial partial = reduce(good + "\n" + text + "\n");

        assertThat(partial.failed()).isFalse();
        assertThat(partial.badCount()).isEqualTo(1);
        assertThat(partial.records()).isEqualTo(2);
        assertThat(partial.badSamples()).singleElement().satisfies(bad -> {
            assertThat(bad.line()).isEqualTo(2);
            assertThat(bad.text()).isEqualTo(text);
            assertThat(bad.error()).startsWith(message);
        });
        assertThat(only(partial).json()).isEqualTo(good);
    }

    @Test
    void badLineNumbersAccountForBlankLinesAndTheFirstLine() {
        Partial partial = reduce(41, 0, "\n" + record(1, "2024-01-01", "") + "\n\r\n{oops\n", null);

        assertThat(partial.badSamples()).extracting(BadLine::line).containsExactly(44L);
    }

    @Test
    void jsonArrayChunksNameTheLinesOfTheirHeader() {
        String body = record(1, "2024-01-01", "") + "\n{broken\n" + record(2, "2024-01-01", "") + "\n";

        Partial partial = reduce(2, 10, body, new long[] {2, 9, 15});

        assertThat(partial.badSamples()).extracting(BadLine::line).containsExactly(9L);
        assertThat(partial.latest()).extracting(RecordVersion::line).containsExactly(2L, 15L);
        assertThat(partial.latest()).extracting(RecordVersion::position).containsExactly(10L, 12L);
    }

    @Test
    void latestIsSortedByKey() {
        String body = List.of(record("b", "2024-01-01", ""), record(10, "2024-01-01", ""), record("a", "2024-01-01", ""),
                record(2, "2024-01-01", "")).stream().reduce("", (acc, line) -> acc + line + "\n");

        assertThat(reduce(body).latest()).extracting(RecordVersion::key).containsExactly(
                RecordKey.ofNumber(BigDecimal.valueOf(2)), RecordKey.ofNumber(BigDecimal.TEN),
                RecordKey.ofText("a"), RecordKey.ofText("b"));
    }
}
