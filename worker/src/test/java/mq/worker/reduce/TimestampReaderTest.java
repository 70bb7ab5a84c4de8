package mq.worker.reduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.List;
import mq.common.protocol.RecordSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimestampReaderTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static TimestampReader reader(String pattern, String zone) {
        return TimestampReader.of(new RecordSpec("id", "ts", List.of()).withTimestampFormat(pattern, zone));
    }

    @ParameterizedTest(name = "{1} as {0} in {2}")
    @CsvSource(delimiter = '|', value = {
            "M/d/yyyy          | 4/16/2025            | UTC           | 2025-04-16T00:00:00Z",
            "M/d/yyyy          | 04/16/2025           | UTC           | 2025-04-16T00:00:00Z",
            "M/d/yyyy H:mm     | 4/16/2025 9:05       | UTC           | 2025-04-16T09:05:00Z",
            "dd.MM.yyyy HH:mm  | 16.04.2025 10:00     | Europe/Berlin | 2025-04-16T08:00:00Z",
            "M/d/yyyy          | 4/16/2025            | Europe/Berlin | 2025-04-15T22:00:00Z",
            "yyyy-MM-dd HH:mm xxx | 2025-04-16 10:00 +02:00 | UTC      | 2025-04-16T08:00:00Z",
            "d MMM yyyy h:mm a | 6 Jan 2025 3:30 PM   | UTC           | 2025-01-06T15:30:00Z",
            "yyyyMMdd          | 20250416             | UTC           | 2025-04-16T00:00:00Z"})
    void aPatternReadsWallClockTimeInTheZoneUnlessTheTextHasAnOffset(String pattern, String text, String zone, String instant) {
        assertThat(reader(pattern.strip(), zone.strip()).read(NODES.textNode(text.strip()))).hasToString(instant.strip());
    }

    @Test
    void aNumberIsReadByItsTextWhenThereIsAPattern() {
        assertThat(reader("yyyyMMdd", "UTC").read(NODES.numberNode(new BigDecimal("20250416")))).hasToString("2025-04-16T00:00:00Z");
    }

    @Test
    void withoutAPatternTheZoneAppliesToDateTimesWithoutOffset() {
        TimestampReader berlin = reader(null, "Europe/Berlin");

        assertThat(berlin.read(NODES.textNode("2025-04-16 10:00:00"))).hasToString("2025-04-16T08:00:00Z");
        assertThat(berlin.read(NODES.textNode("2025-04-16T10:00:00Z"))).hasToString("2025-04-16T10:00:00Z");
        assertThat(berlin.read(NODES.numberNode(1_700_000_000L))).hasToString("2023-11-14T22:13:20Z");
    }

    @Test
    void textThatDoesNotMatchNamesThePattern() {
        assertThatThrownBy(() -> reader("M/d/yyyy", "UTC").read(NODES.textNode("2025-04-16")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'2025-04-16' does not match the timestamp format 'M/d/yyyy'");
        assertThatThrownBy(() -> reader("HH:mm", "UTC").read(NODES.textNode("10:00")))
                .hasMessageContaining("has no date");
    }

    @Test
    void aBadPatternOrZoneIsRejectedWhenTheReaderIsBuilt() {
        assertThatThrownBy(() -> reader("M/d/yyyy qqqqqq", "UTC")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reader(null, "Mars/Olympus")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown zone 'Mars/Olympus'");
    }
}
