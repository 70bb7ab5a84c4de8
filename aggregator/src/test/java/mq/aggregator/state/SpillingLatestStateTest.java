package mq.aggregator.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import mq.aggregator.job.JobState;
import mq.aggregator.report.ReportBuilder;
import mq.aggregator.report.ReportFiles;
import mq.common.protocol.JobEvent;
import mq.common.protocol.JobKind;
import mq.common.protocol.JobReport;
import mq.common.protocol.Partial;
import mq.common.protocol.RecordSpec;
import mq.common.records.RecordKey;
import mq.common.records.RecordVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A job whose latest records spill to disk past a tiny heap budget gives the very report and
 * {@code records.jsonl} bytes of the in-heap state, whatever order its partials arrive in and
 * however many are delivered twice.
 */
class SpillingLatestStateTest {
    private static final String JOB = "job-spill";
    private static final List<String> SUM_FIELDS = List.of("amount", "qty");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 17, 2024})
    void aSpilledJobWritesTheInHeapJobsRecordsAndSums(long seed) throws IOException {
        // Given chunks of random versions of few keys (numbers and strings, ties on time), each chunk deduplicated as a worker does
        Random random = new Random(seed);
        List<Partial> partials = randomPartials(random, 60);

        // When one job merges them in file order on the heap, and others merge them shuffled and partly
        // twice with budgets of 0 (spill after every partial), 4 KiB and 16 KiB
        Outcome inHeap = run(partials, new HeapLatestState(), dir.resolve("heap"));
        for (long budget : new long[] {0, 4_096, 16_384}) {
            List<Partial> shuffled = new ArrayList<>(partials);
            shuffled.addAll(partials.subList(0, partials.size() / 3));
            Collections.shuffle(shuffled, random);
            try (LatestStates states = LatestStates.spilling(budget, dir.resolve("spill-" + budget))) {
                Outcome spilled = run(shuffled, states.open(JOB), dir.resolve("out-" + budget));

                // Then the records file is byte for byte the same, and so are the totals
                assertThat(spilled.report().stateStore().spilled()).as("budget %d", budget).isTrue();
                assertThat(spilled.recordsFile()).as("budget %d", budget).isEqualTo(inHeap.recordsFile());
                assertThat(spilled.report().sums()).isEqualTo(inHeap.report().sums());
                assertThat(spilled.report().sumMissing()).isEqualTo(inHeap.report().sumMissing());
                assertThat(spilled.report().distinctKeys()).isEqualTo(inHeap.report().distinctKeys());
                assertThat(spilled.report().superseded()).isEqualTo(inHeap.report().superseded());
                assertThat(spilled.report().count()).isEqualTo(inHeap.report().count());
            }
        }
        assertThat(inHeap.report().stateStore().spilled()).isFalse();
    }

    @Test
    void aJobWithinItsBudgetStaysOnTheHeapAndOpensNoStore() throws IOException {
        Path spillDir = dir.resolve("spill");
        try (LatestStates states = LatestStates.spilling(1 << 20, spillDir)) {
            Outcome outcome = run(randomPartials(new Random(9), 5), states.open(JOB), dir.resolve("out"));

            assertThat(outcome.report().stateStore()).isEqualTo(new JobReport.StateStore(false, (long) (1 << 20), 0));
            assertThat(Files.exists(spillDir.resolve("aggregator-" + ProcessHandle.current().pid()))).isFalse();
        }
    }

    @Test
    void closingAJobDeletesItsStoreAndClosingTheStatesTheirFolder() throws IOException {
        Path spillDir = dir.resolve("spill");
        Path mine = spillDir.resolve("aggregator-" + ProcessHandle.current().pid());
        LatestStates states = LatestStates.spilling(0, spillDir);
        LatestState state = states.open(JOB);
        state.addAll(randomPartials(new Random(4), 1).get(0).latest());
        assertThat(mine.resolve(JOB)).isDirectory();

        state.close();
        assertThat(mine.resolve(JOB)).doesNotExist();
        states.close();
        assertThat(mine).doesNotExist();
    }

    @Test
    void storesLeftByADeadAggregatorAreDeletedByTheNextOne() throws IOException {
        Path spillDir = dir.resolve("spill");
        Path left = Files.createDirectories(spillDir.resolve("aggregator-" + Long.MAX_VALUE).resolve(JOB));
        Files.writeString(left.resolve("000001.sst"), "left over");
        Path foreign = Files.createDirectories(spillDir.resolve("something-else"));

        try (LatestStates ignored = LatestStates.spilling(0, spillDir)) {
            assertThat(spillDir.resolve("aggregator-" + Long.MAX_VALUE)).doesNotExist();
            assertThat(foreign).isDirectory();
        }
    }

    @Test
    void theBudgetOptionReadsOffAutoAndSizes() {
        assertThat(LatestStates.of("off", dir, 512L << 20).describe()).contains("never spilled");
        assertThat(LatestStates.of("auto", dir, 512L << 20).describe()).contains("past 128 MiB");
        assertThat(LatestStates.of("64m", dir, 512L << 20).describe()).contains("past 64 MiB");
        assertThat(LatestStates.of("2G", dir, 512L << 20).describe()).contains("past 2048 MiB");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LatestStates.of("lots", dir, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("off, auto or a size");
    }

    private record Outcome(JobReport report, byte[] recordsFile) {
    }

    private static Outcome run(List<Partial> partials, LatestState latest, Path out) throws IOException {
        try (JobState state = new JobState(JOB, 1_000, latest)) {
            state.started(new JobEvent.Started(JOB, JobKind.RECORDS, "data.jsonl", "jsonl",
                    new RecordSpec("id", "updated_at", SUM_FIELDS), false, null, 1_000));
            long records = 0;
            long checksum = 0;
            for (Partial partial : partials) {
                if (state.merge(partial, 2_000)) {
                    records += partial.records();
                    checksum += partial.crc32c();
                }
            }
            state.ended(new JobEvent.Ended(JOB, state.mergedCount(), records, 0, 100, checksum, 10, 1_500));
            JobReport report = ReportBuilder.build(state, 3_000);
            assertThat(report.status()).isEqualTo(JobReport.SUCCEEDED);
            ReportFiles.write(out, report, state.latest(), state.chunkTimings());
            return new Outcome(report, Files.readAllBytes(out.resolve(ReportBuilder.RECORDS_FILE)));
        }
    }

    /** Each chunk holds the latest of its own versions per key, as a worker's partial does. */
    private static List<Partial> randomPartials(Random random, int chunks) {
        List<RecordKey> keys = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            keys.add(random.nextBoolean() ? RecordKey.ofNumber(BigDecimal.valueOf(random.nextInt(2_000) - 1_000, random.nextInt(3)))
                    : RecordKey.ofText(Stream.generate(() -> "aZé\u4e2d\ud83d\ude00".substring(random.nextInt(5)))
                            .limit(1 + random.nextInt(3)).reduce("", String::concat)));
        }
        List<Partial> partials = new ArrayList<>();
        long position = 0;
        for (int chunk = 0; chunk < chunks; chunk++) {
            Map<RecordKey, RecordVersion> latest = new java.util.HashMap<>();
            int versions = 20 + random.nextInt(40);
            for (int i = 0; i < versions; i++, position++) {
                RecordKey key = keys.get(random.nextInt(keys.size()));
                RecordVersion version = new RecordVersion(key, Instant.ofEpochSecond(1_700_000_000L + random.nextInt(5)),
                        position, position + 1, sums(random), "{\"id\":\"" + key + "\",\"v\":" + position + ",\"n\":\"Zoë\"}");
                latest.merge(key, version, RecordVersion::latest);
            }
            partials.add(new Partial(JOB, chunk, "w" + chunk % 3, JobKind.RECORDS, versions, 10L * versions, chunk * 7L + 1,
                    1_000, 1_010, 1_020, 0, null, List.copyOf(latest.values()), 0, List.of(), null));
        }
        return partials;
    }

    private static Map<String, BigDecimal> sums(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> Map.of();
            case 1 -> Map.of("amount", new BigDecimal(BigInteger.valueOf(random.nextInt(100_000)), random.nextInt(4)));
            case 2 -> Map.of("amount", new BigDecimal("1E+40"), "qty", BigDecimal.valueOf(random.nextInt(9) - 4));
            default -> Map.of("qty", new BigDecimal(Long.MAX_VALUE).add(BigDecimal.valueOf(random.nextInt(9))));
        };
    }
}
