package mq.common.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Splitting, shuffling and duplicating versions never changes which version of a key is the latest. */
class LatestRecordsMergePropertyTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 99, 31337, 123456789})
    void anyGroupingOrderAndDuplicationGivesTheSequentialResult(long seed) {
        // Given versions of few keys with many equal timestamps, in file order
        Random random = new Random(seed);
        List<RecordVersion> versions = randomVersions(random, 3_000);
        Map<RecordKey, RecordVersion> expected = sequentialLastWriterWins(versions);

        for (int variant = 0; variant < 20; variant++) {
            // When they are split into random groups, shuffled, partly duplicated, reduced per group and merged
            List<RecordVersion> delivered = new ArrayList<>(versions);
            for (int i = 0; i < versions.size() / 10; i++) {
                delivered.add(versions.get(random.nextInt(versions.size())));
            }
            Collections.shuffle(delivered, random);
            List<LatestRecords> groups = new ArrayList<>();
            int i = 0;
            while (i < delivered.size()) {
                int size = 1 + random.nextInt(400);
                LatestRecords group = new LatestRecords();
                group.addAll(delivered.subList(i, Math.min(delivered.size(), i + size)));
                groups.add(group);
                i += size;
            }
            Collections.shuffle(groups, random);
            LatestRecords merged = new LatestRecords();
            for (LatestRecords group : groups) {
                merged.addAll(group.unordered());
                if (random.nextInt(5) == 0) {
                    merged.addAll(group.sortedByKey()); // a group delivered twice
                }
            }

            // Then the map is exactly the one of a single sequential pass
            assertThat(asMap(merged)).as("variant %d", variant).isEqualTo(expected);
        }
    }

    private static List<RecordVersion> randomVersions(Random random, int count) {
        Instant base = Instant.parse("2024-03-01T00:00:00Z");
        List<RecordVersion> versions = new ArrayList<>();
        for (int position = 0; position < count; position++) {
            RecordKey key = random.nextBoolean()
                    ? RecordKey.ofNumber(BigDecimal.valueOf(random.nextInt(200)))
                    : RecordKey.ofText("k" + random.nextInt(200));
            // Only 20 distinct instants, some with nanos: most keys see ties
            Instant timestamp = base.plusSeconds(random.nextInt(20)).plusNanos(random.nextInt(3));
            versions.add(new RecordVersion(key, timestamp, position, position + 1,
                    Map.of("amount", BigDecimal.valueOf(random.nextInt(10_000), 2)), "{\"n\":" + position + "}"));
        }
        return versions;
    }

    /** The plain definition: walk the file, replace a key's version when the new one is not older. */
    private static Map<RecordKey, RecordVersion> sequentialLastWriterWins(List<RecordVersion> versions) {
        Map<RecordKey, RecordVersion> latest = new HashMap<>();
        for (RecordVersion v : versions) {
            RecordVersion current = latest.get(v.key());
            if (current == null || !v.timestamp().isBefore(current.timestamp())) {
                latest.put(v.key(), v);
            }
        }
        return latest;
    }

    private static Map<RecordKey, RecordVersion> asMap(LatestRecords records) {
        Map<RecordKey, RecordVersion> map = new HashMap<>();
        records.unordered().forEach(v -> map.put(v.key(), v));
        return map;
    }
}
