package mq.common.records;

import static mq.common.records.RecordVersionTest.version;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatestRecordsTest {

    private static RecordVersion keyed(RecordKey key, String instant, long position) {
        return new RecordVersion(key, Instant.parse(instant), position, position + 1, Map.of(), "{}");
    }

    @Test
    void keepsTheLatestVersionOfAKeyWhateverTheOrder() {
        LatestRecords latest = new LatestRecords();
        RecordVersion newest = version("2024-01-02T00:00:00Z", 1);

        latest.add(version("2024-01-01T00:00:00Z", 0));
        latest.add(newest);
        latest.add(version("2023-12-31T00:00:00Z", 2));

        assertThat(latest.distinctKeys()).isEqualTo(1);
        assertThat(latest.get(RecordKey.ofText("k"))).isEqualTo(newest);
    }

    @Test
    void countsEveryVersionSeenIncludingDuplicates() {
        LatestRecords latest = new LatestRecords();
        RecordVersion one = version("2024-01-01T00:00:00Z", 0);

        latest.addAll(List.of(one, one, version("2024-01-01T00:00:00Z", 1)));

        assertThat(latest.versionsSeen()).isEqualTo(3);
        assertThat(latest.distinctKeys()).isEqualTo(1);
    }

    @Test
    void numericallyEqualKeysAreOneRecord() {
        LatestRecords latest = new LatestRecords();

        latest.add(keyed(RecordKey.ofNumber(new BigDecimal("7")), "2024-01-01T00:00:00Z", 0));
        latest.add(keyed(RecordKey.ofNumber(new BigDecimal("7.0")), "2024-01-01T00:00:01Z", 1));
        latest.add(keyed(RecordKey.ofText("7"), "2024-01-01T00:00:02Z", 2));

        assertThat(latest.distinctKeys()).isEqualTo(2);
        assertThat(latest.get(RecordKey.ofNumber(BigDecimal.valueOf(7))).position()).isEqualTo(1);
    }

    @Test
    void sortedByKeyPutsNumbersFirstThenStrings() {
        LatestRecords latest = new LatestRecords();
        latest.add(keyed(RecordKey.ofText("b"), "2024-01-01T00:00:00Z", 0));
        latest.add(keyed(RecordKey.ofNumber(new BigDecimal("10")), "2024-01-01T00:00:00Z", 1));
        latest.add(keyed(RecordKey.ofText("a"), "2024-01-01T00:00:00Z", 2));
        latest.add(keyed(RecordKey.ofNumber(new BigDecimal("9.5")), "2024-01-01T00:00:00Z", 3));

        List<RecordKey> keys = latest.sortedByKey().stream().map(RecordVersion::key).toList();

        assertThat(keys).containsExactly(RecordKey.ofNumber(new BigDecimal("9.5")), RecordKey.ofNumber(BigDecimal.TEN),
                RecordKey.ofText("a"), RecordKey.ofText("b"));
    }

    @Test
    void emptyHasNoRecords() {
        LatestRecords latest = new LatestRecords();

        assertThat(latest.distinctKeys()).isZero();
        assertThat(latest.sortedByKey()).isEmpty();
        assertThat(latest.get(RecordKey.ofText("k"))).isNull();
    }
}
