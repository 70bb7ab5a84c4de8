package mq.worker.reduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import mq.common.protocol.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampParserTest {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', value = {
            "2024-01-01T10:00:00Z                | 2024-01-01T10:00:00Z",
            "2024-01-01T10:00Z                   | 2024-01-01T10:00:00Z",
            "2024-01-01T10:00:00+02:00           | 2024-01-01T08:00:00Z",
            "2024-01-01T10:00:00-05:30           | 2024-01-01T15:30:00Z",
            "2024-01-01T00:30:00+01:00           | 2023-12-31T23:30:00Z",
            "2024-01-01T10:00:00.5Z              | 2024-01-01T10:00:00.500Z",
            "2024-01-01T10:00:00.123456789Z      | 2024-01-01T10:00:00.123456789Z",
            "2024-01-01T10:00:00.123+02:00       | 2024-01-01T08:00:00.123Z",
            "2024-01-01T10:00:00                 | 2024-01-01T10:00:00Z",
            "2024-01-01 10:00:00                 | 2024-01-01T10:00:00Z",
            "2024-01-01 10:00:00.25              | 2024-01-01T10:00:00.250Z",
            "2024-01-01 10:00:00+02:00           | 2024-01-01T08:00:00Z",
            "2024-02-29                          | 2024-02-29T00:00:00Z",
            "'  2024-01-01T10:00:00Z  '          | 2024-01-01T10:00:00Z"})
    void readsIsoAndCommonDateTimeText(String text, String expected) {
        assertThat(TimestampParser.parse(text.replace("'", ""))).isEqualTo(Instant.parse(expected));
    }

    @Test
    void offsetsAreComparedAsInstantsNotAsText() {
        Instant tenInParis = TimestampParser.parse("2024-01-01T10:00:00+02:00");
        Instant nineUtc = TimestampParser.parse("2024-01-01T09:00:00Z");

        assertThat(tenInParis).isBefore(nineUtc);
    }

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({
            "0,              1970-01-01T00:00:00Z",
            "1704103200,     2024-01-01T10:00:00Z",
            "1704103200.25,  2024-01-01T10:00:00.250Z",
            "99999999999,    5138-11-16T09:46:39Z",
            "100000000000,   1973-03-03T09:46:40Z",
            "1704103200000,  2024-01-01T10:00:00Z",
            "1704103200123,  2024-01-01T10:00:00.123Z",
            "-1,             1969-12-31T23:59:59Z",
            "-1.5,           1969-12-31T23:59:58.500Z"})
    void readsEpochSecondsBelowTheThresholdAndMillisAbove(String digits, String expected) {
        assertThat(TimestampParser.parse(digits)).isEqualTo(Instant.parse(expected));
    }

    @Test
    void thresholdIsTenToTheEleven() {
        assertThat(TimestampParser.MILLIS_THRESHOLD).isEqualTo(100_000_000_000L);
    }

    @Test
    void readsNumericJsonNodes() throws IOException {
        JsonNode record = Json.RECORDS.readTree("{\"s\":1704103200,\"ms\":1704103200123,\"frac\":1704103200.5}");

        assertThat(TimestampParser.parse(record.get("s"))).isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
        assertThat(TimestampParser.parse(record.get("ms"))).isEqualTo(Instant.parse("2024-01-01T10:00:00.123Z"));
        assertThat(TimestampParser.parse(record.get("frac"))).isEqualTo(Instant.parse("2024-01-01T10:00:00.5Z"));
    }

    @Test
    void aStringOfDigitsReadsLikeTheNumber() {
        JsonNode text = JsonNodeFactory.instance.textNode("1704103200123");
        JsonNode number = JsonNodeFactory.instance.numberNode(new BigDecimal("1704103200123"));

        assertThat(TimestampParser.parse(text)).isEqualTo(TimestampParser.parse(number));
    }

    @Test
    void readsTextualJsonNodes() {
        assertThat(TimestampParser.parse(JsonNodeFactory.instance.textNode("2024-01-01 10:00:00")))
                .isEqualTo(Instant.parse("2024-01-01T10:00:00Z"));
    }

    @ParameterizedTest(name = "rejects ''{0}''")
    @ValueSource(strings = {"yesterday", "2024-13-01T00:00:00Z", "2024-01-01T25:00:00Z", "01/02/2024",
            "2024-01-01T10:00:00 CET", "2024-1-1", "T10:00", "2024.01.01", "1.2.3", "12:30"})
    void rejectsGarbageSayingWhichFormatsAreAccepted(String text) {
        assertThatThrownBy(() -> TimestampParser.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text)
                .hasMessageContaining("ISO-8601")
                .hasMessageContaining("yyyy-MM-dd HH:mm:ss")
                .hasMessageContaining("epoch seconds or milliseconds");
    }

    @ParameterizedTest(name = "rejects {0}")
    @ValueSource(strings = {"99999999999999999999", "-99999999999999999999", "1e30", "1e999999999"})
    void rejectsEpochNumbersBeyondTheRangeOfInstants(String number) throws IOException {
        JsonNode value = Json.RECORDS.readTree(number);

        assertThatThrownBy(() -> TimestampParser.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range");
    }

    @Test
    void rejectsEpochTextBeyondTheRangeOfInstants() {
        assertThatThrownBy(() -> TimestampParser.parse("99999999999999999999"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("99999999999999999999");
    }

    @Test
    void rejectsEmptyText() {
        assertThatThrownBy(() -> TimestampParser.parse("  ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsJsonValuesThatAreNeitherTextNorNumber() throws IOException {
        JsonNode record = Json.RECORDS.readTree("{\"b\":true,\"o\":{\"at\":1}}");

        assertThatThrownBy(() -> TimestampParser.parse(record.get("b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("true");
        assertThatThrownBy(() -> TimestampParser.parse(record.get("o"))).isInstanceOf(IllegalArgumentException.class);
    }
}
