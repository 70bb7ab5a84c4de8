package mq.aggregator.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import mq.aggregator.job.JobState;
import mq.aggregator.report.ReportBuilder;
import mq.common.exact.NumberStats;
import mq.common.protocol.JobEvent;
import mq.common.protocol.JobKind;
import mq.common.protocol.JobReport;
import mq.common.protocol.Partial;
import mq.common.protocol.WorkerHeartbeat;
import org.junit.jupiter.api.Test;

class LiveModelTest {
    private static final String JOB = "job-live";
    private static final String GROUP = "mq-workers";

    private final AtomicLong clock = new AtomicLong(100_000);
    private final AtomicLong lag = new AtomicLong();
    private final LiveModel model = new LiveModel(GROUP, lag::get, clock::get);
    /** The aggregator's own merge of the same messages, whose report the live view must agree with. */
    private final JobState aggregated = new JobState(JOB, clock.get());

    private void event(JobEvent event) {
        if (event instanceof JobEvent.Started started) {
            aggregated.started(started);
        } else if (event instanceof JobEvent.Ended ended) {
            aggregated.ended(ended);
        }
        model.jobEvent(event, clock.get());
    }

    private void started() {
        event(new JobEvent.Started(JOB, JobKind.NUMBERS, "n.txt", "numbers", null, false, null, clock.get()));
    }

    private void partial(int chunk, String worker, long records) {
        long now = clock.get();
        Partial partial = new Partial(JOB, chunk, worker, JobKind.NUMBERS, records, records * 8, chunk, now - 300,
                now - 200, now - 50, 150_000_000, new NumberStats(records, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE),
                null, 0, List.of(), null);
        model.partial(partial, aggregated.merge(partial, now), now);
    }

    private void beat(String worker) {
        model.heartbeat(new WorkerHeartbeat(worker, GROUP, "consumer", 1, 0, 0, clock.get()));
    }

    private void tick(long millis) {
        clock.addAndGet(millis);
        model.sample();
    }

    private LiveViews.JobDetail detail() {
        return model.detail(JOB, 0).orElseThrow();
    }

    @Test
    void workerRowsAgreeWithTheReportsPerWorkerSharesDuplicatesIncluded() {
        started();
        beat("w1");
        beat("w2");
        partial(0, "w1", 1_000);
        partial(1, "w2", 1_000);
        partial(1, "w1", 1_000); // redone after a rebalance: a duplicate, in neither the report nor the rows
        partial(2, "w2", 500);
        event(new JobEvent.Ended(JOB, 3, 2_500, 0, 20_000, 3, 10, clock.get()));
        JobReport report = ReportBuilder.build(aggregated, clock.get());

        model.finished(report);

        Map<String, List<Long>> rows = detail().workers().stream().collect(Collectors.toMap(LiveViews.WorkerRow::worker,
                row -> List.of((long) row.chunks(), row.records(), row.busyMs())));
        Map<String, List<Long>> shares = report.perWorker().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> List.of((long) e.getValue().chunks(), e.getValue().records(), e.getValue().busyMs())));
        assertThat(rows).isEqualTo(shares);
        assertThat(detail().summary().duplicates()).isEqualTo(1);
        assertThat(detail().summary().status()).isEqualTo("succeeded");
        assertThat(detail().files()).containsKeys("report.json", "chunks.csv");
    }

    @Test
    void throughputIsSampledOverTheLastSecondsWithTheLiveWorkersAndTheLag() {
        started();
        lag.set(7);
        for (int second = 0; second < 10; second++) {
            beat("w1");
            partial(second, "w1", 2_000);
            tick(1_000);
        }
        beat("w2");
        tick(1_000);

        LiveViews.Series series = detail().series();
        assertThat(series.t()).hasSize(11);
        assertThat(series.recordsPerS()[9]).isEqualTo(2_000);
        assertThat(series.mbPerS()[9]).isEqualTo(0.016);
        assertThat(series.liveWorkers()).startsWith(1, 1).endsWith(2);
        assertThat(series.lag()).containsOnly(7L);
    }

    @Test
    void aWorkerSilentForThreeHeartbeatsIsDeadAndNoLongerCounted() {
        started();
        beat("w1");
        beat("w2");
        partial(0, "w2", 100);
        for (int i = 0; i < 4; i++) {
            clock.addAndGet(3_000);
            beat("w1"); // w2 was killed: it says nothing more
        }
        tick(10);

        assertThat(detail().workers()).extracting(LiveViews.WorkerRow::worker, LiveViews.WorkerRow::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("w1", "live"), org.assertj.core.groups.Tuple.tuple("w2", "dead"));
        assertThat(detail().series().liveWorkers()).endsWith(1);
    }

    @Test
    void heartbeatsOfOtherGroupsAreIgnored() {
        started();
        model.heartbeat(new WorkerHeartbeat("stranger", "other-group", "consumer", 1, 0, 0, clock.get()));

        assertThat(detail().workers()).isEmpty();
    }

    @Test
    void memoryIsBoundedToTheLastJobsAndTheLastChunkBars() {
        for (int job = 0; job < LiveModel.JOBS_KEPT + 5; job++) {
            String id = "job-" + job;
            model.jobEvent(new JobEvent.Started(id, JobKind.NUMBERS, "n.txt", "numbers", null, false, null, clock.get()), clock.get());
            JobState state = new JobState(id, clock.get());
            model.finished(ReportBuilder.build(state, clock.get()));
        }
        started();
        for (int chunk = 0; chunk < JobLive.BARS_CAPACITY + 10; chunk++) {
            partial(chunk, "w1", 1);
        }

        assertThat(model.jobs()).hasSize(LiveModel.JOBS_KEPT).first().extracting(LiveViews.JobSummary::job).isEqualTo(JOB);
        LiveViews.Chunks all = detail().chunks();
        assertThat(all.bars()).hasSize(JobLive.BARS_CAPACITY);
        assertThat(all.next()).isEqualTo(JobLive.BARS_CAPACITY + 10);
        assertThat(model.detail(JOB, all.next() - 3).orElseThrow().chunks().bars()).hasSize(3);
    }
}
