package mq.cli.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mq.aggregator.report.ReportFiles;
import mq.broker.LocalBroker;
import mq.common.protocol.JobEvent;
import mq.common.protocol.JobReport;
import mq.common.protocol.MessageRules;
import mq.common.protocol.Partial;
import mq.common.protocol.ResultMessage;
import mq.launcher.ChildProcess;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault matrix: an installation of separate processes (a broker of this test's own, one
 * aggregator, three workers, a producer per job) hit by real faults mid-job: SIGKILL, SIGSTOP and
 * SIGCONT, a broker restart. Every job that finishes is exact, has one {@code final} and one
 * report; a job that cannot finish fails with a clear reason long before the job timeout.
 *
 * <p>The roles live across the tests, as long-running roles do; each test leaves them running.
 * The producer is killed last: the chunks it leaves behind keep the workers busy a while.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultMatrixIT {
    /** Busy work per record: a job lasts seconds, long enough to be hit mid-way. */
    private static final int WORK_MICROS = 50;
    private static final int MID_JOB_NUMBERS = 120_000;
    private static final Duration JOB_DEADLINE = Duration.ofSeconds(180);
    /** Past the group session timeout of the test brokers (10 s): the frozen member loses its partitions. */
    private static final Duration LONGER_THAN_A_SESSION = Duration.ofSeconds(13);

    /** Static: the installation is the class's, and a per-test folder would be gone before the last test. */
    @TempDir
    static Path dir;

    private LocalBroker broker;
    private RoleProcesses roles;
    private TopicLog results;

    @BeforeAll
    void startInstallation() throws IOException {
        // A broker of our own, because one test restarts it; on free loopback ports like the shared one.
        broker = LocalBroker.in(dir.resolve("broker")).stoppingWith(ProcessHandle.current());
        String bootstrap = broker.ensureRunning(Duration.ofSeconds(180));
        roles = new RoleProcesses(bootstrap, dir, WORK_MICROS)
                .startAggregator().startWorkers(3);
        results = new TopicLog(roles.client, roles.topics.results());
    }

    @AfterAll
    void stopInstallation() throws InterruptedException {
        if (results != null) {
            results.close();
        }
        if (roles != null) {
            roles.close();
        }
        if (broker != null) {
            broker.stop(Duration.ofSeconds(30));
        }
    }

    @BeforeEach
    void rolesAreRunning() {
        roles.checkAlive();
    }

    @Test
    @Order(1)
    void twoConcurrentJobsAreBothExact() throws Exception {
        // When two producers send a job each at the same time
        roles.produce("concurrent-a", numbers("concurrent-a", 30_000), 250);
        roles.produce("concurrent-b", numbers("concurrent-b", 20_000), 250);

        // Then both are exact, each with one final
        assertExact("concurrent-a", 30_000);
        assertExact("concurrent-b", 20_000);
    }

    @Test
    @Order(2)
    void theAggregatorKilledMidJobAndRestartedLosesNothing() throws Exception {
        // Given a job under way
        startJobAndAwaitMidJob("aggregator-killed");

        // When the aggregator is killed with SIGKILL and a new one takes its place
        roles.killAndRestartAggregator();

        // Then the new one re-reads the unfinished job from its first message: exact, one final
        assertExact("aggregator-killed", MID_JOB_NUMBERS);
    }

    @Test
    @Order(3)
    void aWorkerFrozenAndResumedLosesNothing() throws Exception {
        // Given a job under way
        startJobAndAwaitMidJob("worker-frozen");

        // When a worker is frozen with SIGSTOP for longer than a group session, then resumed with SIGCONT
        ChildProcess worker = roles.worker(2);
        Signals.freeze(worker.pid());
        try {
            Thread.sleep(LONGER_THAN_A_SESSION.toMillis());
        } finally {
            Signals.resume(worker.pid());
        }

        // Then the others redid its chunks, its late partials were dropped: exact, one final
        assertExact("worker-frozen", MID_JOB_NUMBERS);
    }

    @Test
    @Order(4)
    void aFrozenWorkersLatePartialAfterAnAggregatorRestartNeverReopensTheJob() throws Exception {
        // Given a worker frozen while it holds a batch: 30 chunks of 4,000 numbers at 50 µs a number keep each
        // of the three workers busy for seconds in batches of up to 8 chunks, so when the second chunk is
        // merged every worker is in the middle of one (10 chunks left some workers idle by then)
        String job = "phantom";
        roles.produce(job, numbers(job, 120_000), 4_000);
        awaitMidJob(job, 2);
        ChildProcess frozen = roles.worker(1);
        Signals.freeze(frozen.pid());
        long resumedAt;
        try {
            // When the job finishes on the other workers, the aggregator is killed and restarted
            assertExact(job, 120_000);
            roles.killAndRestartAggregator();
        } finally {
            // and the worker is resumed, and sends the partials of the batch it held
            resumedAt = System.currentTimeMillis();
            Signals.resume(frozen.pid());
        }
        try (TopicLog partials = new TopicLog(roles.client, roles.topics.partials())) {
            partials.await(record -> latePartialOf(record, job, "worker-1", resumedAt), JOB_DEADLINE,
                    "partial of the frozen worker after it resumed");
        }
        // (a job after it is merged once the aggregator has read past the late partials: one partition, in order)
        roles.produce("after-phantom", numbers("after-phantom", 2_000), 250);
        assertExact("after-phantom", 2_000);

        // Then the job has exactly one final, nothing after it (no phantom job's progress), and its good report
        List<ResultMessage> messages = results.resultsOf(job);
        assertThat(messages.stream().filter(ResultMessage.Final.class::isInstance)).hasSize(1);
        assertThat(messages.get(messages.size() - 1)).isInstanceOf(ResultMessage.Final.class);
        assertThat(ReportFiles.read(roles.reports.resolve(job))).get()
                .extracting(JobReport::status).isEqualTo(JobReport.SUCCEEDED);
    }

    @Test
    @Order(5)
    void theBrokerRestartedMidJobLosesNothing() throws Exception {
        // Given a job under way
        String job = "broker-restarted";
        startJobAndAwaitMidJob(job);

        // When the broker stops (SIGTERM) and starts again on its ports, with its data
        broker.stop(Duration.ofSeconds(30));
        broker.ensureRunning(Duration.ofSeconds(180));

        // Then every role reconnects and the job is exact, with one final
        assertExact(job, MID_JOB_NUMBERS);
    }

    @Test
    @Order(6)
    void aProducerKilledMidJobFailsItsJobLongBeforeTheJobTimeout() throws Exception {
        // Given a producer sending a large job in small chunks
        String job = "producer-killed";
        ChildProcess producer = roles.produce(job, numbers(job, 2_000_000), 50);
        try (TopicLog jobs = new TopicLog(roles.client, roles.topics.jobs())) {
            jobs.await(record -> eventOf(record, job) instanceof JobEvent.Started, JOB_DEADLINE, "started event of " + job);

            // When it is frozen at once and killed with SIGKILL, before it could end the job
            Signals.freeze(producer.pid());
            assertThat(jobs.read().stream().map(record -> eventOf(record, job)))
                    .as("the producer was stopped mid-job").noneMatch(JobEvent.Ended.class::isInstance);
            producer.kill();
        }

        // Then its alive events stop and the job fails saying so, well inside the aggregator's 600 s timeout
        JobReport report = finalReport(job);
        assertThat(report.status()).isEqualTo(JobReport.FAILED);
        assertThat(report.error()).contains("the producer fell silent");
        assertThat(report.sum()).isNull();
        assertThat(results.resultsOf(job).stream().filter(ResultMessage.Final.class::isInstance)).hasSize(1);
    }

    /** A job of 480 chunks, several seconds of work, once its first 20 chunks are merged: a fault now hits it mid-way. */
    private void startJobAndAwaitMidJob(String job) throws IOException {
        roles.produce(job, numbers(job, MID_JOB_NUMBERS), 250);
        awaitMidJob(job, 20);
    }

    /** Waits until {@code mergedChunks} of the job are merged, and checks it is not over yet. */
    private void awaitMidJob(String job, int mergedChunks) {
        results.await(TopicLog.progressOf(job, mergedChunks), JOB_DEADLINE, mergedChunks + " chunks of " + job + " merged");
        assertThat(results.resultsOf(job)).as("job %s is still under way", job)
                .noneMatch(ResultMessage.Final.class::isInstance);
    }

    /** The job succeeded with 1 + 2 + … + n, verified, with one final and its report on disk. */
    private void assertExact(String job, long n) throws IOException {
        JobReport report = finalReport(job);
        assertThat(report.status()).as("%s: %s", job, report.error()).isEqualTo(JobReport.SUCCEEDED);
        assertThat(report.verified()).isTrue();
        assertThat(report.count()).isEqualTo(n);
        assertThat(report.sum()).isEqualByComparingTo(Long.toString(n * (n + 1) / 2));
        assertThat(results.resultsOf(job).stream().filter(ResultMessage.Final.class::isInstance)).hasSize(1);
        assertThat(ReportFiles.read(roles.reports.resolve(job))).get()
                .extracting(JobReport::status, JobReport::sum).containsExactly(JobReport.SUCCEEDED, report.sum());
    }

    private JobReport finalReport(String job) {
        roles.checkAlive();
        ConsumerRecord<byte[], byte[]> done = results.await(TopicLog.finalOf(job), JOB_DEADLINE, "final of " + job);
        return ((ResultMessage.Final) TopicLog.result(done)).report();
    }

    private Path numbers(String job, int n) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            text.append(i).append('\n');
        }
        return Files.writeString(dir.resolve(job + ".txt"), text);
    }

    private static JobEvent eventOf(ConsumerRecord<byte[], byte[]> record, String job) {
        if (record.key() == null || !job.equals(new String(record.key(), StandardCharsets.UTF_8))) {
            return null;
        }
        return MessageRules.jobEvent(record.value());
    }

    private static boolean latePartialOf(ConsumerRecord<byte[], byte[]> record, String job, String worker, long after) {
        Partial partial = MessageRules.partial(record.value());
        return partial.job().equals(job) && worker.equals(partial.worker()) && record.timestamp() >= after;
    }
}
