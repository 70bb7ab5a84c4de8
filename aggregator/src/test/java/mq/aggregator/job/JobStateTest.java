package mq.aggregator.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mq.aggregator.state.StateContents;
import mq.common.exact.NumberStats;
import mq.common.protocol.BadLine;
import mq.common.protocol.JobEvent;
import mq.common.protocol.JobKind;
import mq.common.protocol.Partial;
import mq.common.protocol.RecordSpec;
import mq.common.records.RecordKey;
import mq.common.records.RecordVersion;
import org.junit.jupiter.api.Test;

class JobStateTest {

    private static final String JOB = "job-1";

    private final JobState state = new JobState(JOB, 1_000);

    static JobEvent.Started started(JobKind kind, boolean skipBad) {
        return new JobEvent.Started(JOB, kind, "input.txt", kind == JobKind.NUMBERS ? "numbers" : "jsonl",
                kind == JobKind.RECORDS ? new RecordSpec("id", "updated_at", List.of("price")) : null,
                skipBad, null, 1_000);
    }

    static JobEvent.Ended ended(int chunks, long records, long checksum) {
        return new JobEvent.Ended(JOB, chunks, records, 0, 100, checksum, 50, 1_100);
    }

    static Partial numbers(int chunk, long sum, long records) {
        NumberStats stats = new NumberStats(records, BigDecimal.valueOf(sum), BigDecimal.ONE, BigDecimal.valueOf(sum));
        return new Partial(JOB, chunk, "w" + chunk % 2, JobKind.NUMBERS, records, 10, 100 + chunk, 1_000, 1_010 + chunk,
                1_020, 5_000_000, stats, null, 0, List.of(), null);
    }

    static Partial withBadLines(Partial partial, BadLine... bad) {
        return new Partial(partial.job(), partial.chunk(), partial.worker(), partial.kind(), partial.records(),
                partial.bytes(), partial.crc32c(), partial.producedAt(), partial.pickedUpAt(), partial.doneAt(),
                partial.busyNanos(), partial.numbers(), partial.latest(), bad.length, List.of(bad), null);
    }

    static Partial records(int chunk, RecordVersion... versions) {
        return new Partial(JOB, chunk, "w", JobKind.RECORDS, versions.length, 10, 7, 1_000, 1_010, 1_020, 1_000_000,
                null, List.of(versions), 0, List.of(), null);
    }

    static RecordVersion version(String key, String instant, long position, String price) {
        return new RecordVersion(RecordKey.ofText(key), Instant.parse(instant), position, position + 1,
                price == null ? Map.of() : Map.of("price", new BigDecimal(price)), "{\"id\":\"" + key + "\",\"p\":" + position + "}");
    }

    @Test
    void mergesNumbersPartials() {
        state.started(started(JobKind.NUMBERS, false));

        state.merge(numbers(0, 10, 2), 2_000);
        state.merge(numbers(1, 5, 3), 2_001);

        assertThat(state.numbers().count()).isEqualTo(5);
        assertThat(state.numbers().sum()).isEqualByComparingTo("15");
        assertThat(state.records()).isEqualTo(5);
        assertThat(state.checksum()).isEqualTo(201);
        assertThat(state.mergedCount()).isEqualTo(2);
    }

    @Test
    void aDuplicateChunkIsIgnoredAndCounted() {
        state.started(started(JobKind.NUMBERS, false));
        state.merge(numbers(0, 10, 2), 2_000);

        boolean merged = state.merge(numbers(0, 10, 2), 2_001);

        assertThat(merged).isFalse();
        assertThat(state.duplicatesIgnored()).isEqualTo(1);
        assertThat(state.mergedCount()).isEqualTo(1);
        assertThat(state.numbers().sum()).isEqualByComparingTo("10");
        assertThat(state.records()).isEqualTo(2);
        assertThat(state.checksum()).isEqualTo(100);
    }

    @Test
    void aDuplicateChunkDoesNotCountItsBadLinesTwice() {
        state.started(started(JobKind.NUMBERS, true));
        Partial partial = withBadLines(numbers(0, 1, 2), new BadLine(2, "x", "not a number"));

        state.merge(partial, 2_000);
        state.merge(partial, 2_001);

        assertThat(state.badCount()).isEqualTo(1);
        assertThat(state.badSamples()).hasSize(1);
    }

    @Test
    void skippedLinesAreQuotedInFileOrderWhateverOrderTheirChunksArriveIn() {
        state.started(started(JobKind.NUMBERS, true));
        List<BadLine> late = new java.util.ArrayList<>();
        for (int i = 0; i < Partial.MAX_BAD_SAMPLES; i++) {
            late.add(new BadLine(100 + i, "late", "not a number"));
        }

        state.merge(withBadLines(numbers(1, 1, 2), late.toArray(BadLine[]::new)), 2_000);
        state.merge(withBadLines(numbers(0, 1, 2), new BadLine(6, "b", "not a number"), new BadLine(3, "a", "not a number")), 2_001);

        assertThat(state.badSamples()).hasSize(Partial.MAX_BAD_SAMPLES);
        assertThat(state.badSamples()).extracting(BadLine::line).startsWith(3L, 6L, 100L).isSorted();
    }

    @Test
    void isNotCompleteBeforeTheEndedEvent() {
        state.started(started(JobKind.NUMBERS, false));

        state.merge(numbers(0, 10, 2), 2_000);

        assertThat(state.isComplete()).isFalse();
        assertThat(state.isOver()).isFalse();
    }

    @Test
    void isNotCompleteWhileChunksAreMissing() {
        state.started(started(JobKind.NUMBERS, false));
        state.ended(ended(3, 6, 303));

        state.merge(numbers(0, 10, 2), 2_000);
        state.merge(numbers(2, 10, 2), 2_001);
        state.merge(numbers(2, 10, 2), 2_002);

        assertThat(state.isComplete()).isFalse();
    }

    @Test
    void aStrayChunkNumberBeyondTheEndCannotStandInForAMissingChunk() {
        state.started(started(JobKind.NUMBERS, false));
        state.ended(ended(2, 4, 201));

        state.merge(numbers(0, 10, 2), 2_000);
        state.merge(numbers(999, 10, 2), 2_001);

        assertThat(state.isComplete()).isFalse();
    }

    @Test
    void isCompleteWhenEndedAndEveryChunkIsMerged() {
        state.started(started(JobKind.NUMBERS, false));
        state.merge(numbers(1, 10, 2), 2_000);
        state.ended(ended(2, 4, 201));

        state.merge(numbers(0, 10, 2), 2_001);

        assertThat(state.isComplete()).isTrue();
        assertThat(state.isOver()).isTrue();
        assertThat(state.failure()).isNull();
    }

    @Test
    void aJobOfNoChunksIsCompleteWhenEnded() {
        state.started(started(JobKind.NUMBERS, false));

        state.ended(ended(0, 0, 0));

        assertThat(state.isComplete()).isTrue();
    }

    @Test
    void aBadLineWithoutSkipBadFailsTheJobNamingSourceLineAndText() {
        state.started(started(JobKind.NUMBERS, false));

        state.merge(withBadLines(numbers(0, 1, 3), new BadLine(42, "12abc", "not a number")), 2_000);

        assertThat(state.isOver()).isTrue();
        assertThat(state.failure())
                .contains("input.txt")
                .contains("line 42")
                .contains("not a number")
                .contains("12abc")
                .contains("--skip-bad");
        assertThat(state.failingLines()).containsExactly(new BadLine(42, "12abc", "not a number"));
    }

    @Test
    void aBadLineSeenBeforeTheStartedEventFailsTheJobWhenItArrives() {
        state.merge(withBadLines(numbers(0, 1, 3), new BadLine(7, "x", "not a number")), 2_000);
        assertThat(state.failure()).isNull();

        state.started(started(JobKind.NUMBERS, false));

        assertThat(state.failure()).contains("input.txt, line 7");
    }

    @Test
    void withSkipBadBadLinesAreCountedAndTheJobCompletes() {
        state.started(started(JobKind.NUMBERS, true));
        state.ended(ended(2, 6, 201));

        state.merge(withBadLines(numbers(0, 1, 3), new BadLine(2, "x", "not a number"), new BadLine(3, "y", "not a number")), 2_000);
        state.merge(withBadLines(numbers(1, 1, 3), new BadLine(5, "z", "not a number")), 2_001);

        assertThat(state.isComplete()).isTrue();
        assertThat(state.failure()).isNull();
        assertThat(state.badCount()).isEqualTo(3);
        assertThat(state.badSamples()).extracting(BadLine::line).containsExactly(2L, 3L, 5L);
    }

    @Test
    void badSamplesAreCappedButAllBadLinesCounted() {
        state.started(started(JobKind.NUMBERS, true));

        for (int chunk = 0; chunk < 4; chunk++) {
            state.merge(withBadLines(numbers(chunk, 1, 3), new BadLine(chunk * 10 + 1, "a", "e"), new BadLine(chunk * 10 + 2, "b", "e")), 2_000);
        }

        assertThat(state.badCount()).isEqualTo(8);
        assertThat(state.badSamples()).hasSize(Partial.MAX_BAD_SAMPLES);
    }

    @Test
    void aFailedPartialFailsTheJob() {
        state.started(started(JobKind.NUMBERS, false));
        Partial failed = new Partial(JOB, 3, "w9", null, 0, 10, 0, 0, 0, 0, 0, null, null, 0, List.of(),
                "chunk 3 is corrupt: CRC-32C 1 but the producer sent 2");

        state.merge(failed, 2_000);

        assertThat(state.isOver()).isTrue();
        assertThat(state.failure()).contains("chunk 3").contains("w9").contains("corrupt");
        assertThat(state.mergedCount()).isZero();
    }

    @Test
    void anAbortedJobFailsWithTheProducersReason() {
        state.started(started(JobKind.RECORDS, false));
        List<BadLine> bad = List.of(new BadLine(3, "{oops", "malformed JSON"));

        state.aborted(new JobEvent.Aborted(JOB, "data.json, line 3: malformed JSON", bad, 1_500));

        assertThat(state.isOver()).isTrue();
        assertThat(state.failure()).isEqualTo("data.json, line 3: malformed JSON");
        assertThat(state.failingLines()).isEqualTo(bad);
    }

    @Test
    void theFirstFailureIsKept() {
        state.started(started(JobKind.NUMBERS, false));
        state.merge(withBadLines(numbers(0, 1, 3), new BadLine(7, "x", "not a number")), 2_000);

        state.aborted(new JobEvent.Aborted(JOB, "later", List.of(), 1_500));

        assertThat(state.failure()).contains("line 7");
    }

    @Test
    void recordsPartialsKeepTheLatestVersionOfEachKey() {
        state.started(started(JobKind.RECORDS, false));

        state.merge(records(1, version("a", "2024-01-02T00:00:00Z", 5, "2"), version("b", "2024-01-01T00:00:00Z", 6, "3")), 2_000);
        state.merge(records(0, version("a", "2024-01-03T00:00:00Z", 1, "1"), version("b", "2024-01-01T00:00:00Z", 2, "4")), 2_001);

        assertThat(state.latest().distinctKeys()).isEqualTo(2);
        assertThat(StateContents.byKey(state.latest()).get(RecordKey.ofText("a")).position()).isEqualTo(1);
        assertThat(StateContents.byKey(state.latest()).get(RecordKey.ofText("b")).position()).isEqualTo(6);
        assertThat(state.records()).isEqualTo(4);
    }

    @Test
    void talliesWorkPerWorkerAndTimings() {
        state.started(started(JobKind.NUMBERS, false));

        state.merge(numbers(0, 1, 2), 2_000);
        state.merge(numbers(1, 1, 3), 2_500);
        state.merge(numbers(2, 1, 4), 2_200);

        assertThat(state.perWorker()).containsOnlyKeys("w0", "w1");
        assertThat(state.perWorker().get("w0").chunks()).isEqualTo(2);
        assertThat(state.perWorker().get("w0").records()).isEqualTo(6);
        assertThat(state.perWorker().get("w1").busyNanos()).isEqualTo(5_000_000);
        assertThat(state.firstPickupAt()).isEqualTo(1_010);
        assertThat(state.chunkTimings()).extracting(ChunkTiming::queueWaitMs).containsExactly(10L, 11L, 12L);
        assertThat(state.chunkTimings()).extracting(ChunkTiming::busyMicros).containsExactly(5_000L, 5_000L, 5_000L);
        assertThat(state.chunkTimings()).extracting(ChunkTiming::mergedAt).containsExactly(2_000L, 2_500L, 2_200L);
    }
}
