package mq.common.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordVersionTest {

    private static final RecordKey KEY = RecordKey.ofText("k");

    static RecordVersion version(String instant, long position) {
        return new RecordVersion(KEY, Instant.parse(instant), position, position + 1, Map.of(), "{\"p\":" + position + "}");
    }

    @Test
    void laterInstantWinsWhateverThePosition() {
        RecordVersion earlier = version("2024-01-01T10:00:00Z", 50);
        RecordVersion later = version("2024-01-01T10:00:01Z", 3);

        assertThat(RecordVersion.latest(earlier, later)).isSameAs(later);
        assertThat(RecordVersion.latest(later, earlier)).isSameAs(later);
    }

    @Test
    void nanosecondsCount() {
        RecordVersion earlier = version("2024-01-01T10:00:00.000000001Z", 9);
        RecordVersion later = version("2024-01-01T10:00:00.000000002Z", 1);

        assertThat(RecordVersion.latest(earlier, later)).isSameAs(later);
    }

    @Test
    void equalInstantsAreBrokenByTheHigherPosition() {
        RecordVersion first = version("2024-01-01T10:00:00Z", 4);
        RecordVersion second = version("2024-01-01T10:00:00Z", 5);

        assertThat(RecordVersion.latest(first, second)).isSameAs(second);
        assertThat(RecordVersion.latest(second, first)).isSameAs(second);
    }

    @Test
    void theSameVersionTwiceIsItself() {
        RecordVersion one = version("2024-01-01T10:00:00Z", 4);
        RecordVersion copy = version("2024-01-01T10:00:00Z", 4);

        assertThat(RecordVersion.latest(one, copy)).isEqualTo(one);
    }

    @Test
    void newerLastSortsByInstantThenPosition() {
        RecordVersion a = version("2024-01-01T09:00:00Z", 9);
        RecordVersion b = version("2024-01-01T10:00:00Z", 1);
        RecordVersion c = version("2024-01-01T10:00:00Z", 2);

        assertThat(RecordVersion.NEWER_LAST.compare(a, b)).isNegative();
        assertThat(RecordVersion.NEWER_LAST.compare(b, c)).isNegative();
        assertThat(RecordVersion.NEWER_LAST.compare(c, a)).isPositive();
    }

    @Test
    void sumValuesAreCopied() {
        java.util.HashMap<String, java.math.BigDecimal> sums = new java.util.HashMap<>();
        sums.put("amount", java.math.BigDecimal.ONE);
        RecordVersion version = new RecordVersion(KEY, Instant.EPOCH, 0, 1, sums, "{}");

        sums.put("amount", java.math.BigDecimal.TEN);

        assertThat(version.sumValues()).containsEntry("amount", java.math.BigDecimal.ONE);
    }
}
