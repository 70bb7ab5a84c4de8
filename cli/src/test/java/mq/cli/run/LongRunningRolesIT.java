package mq.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mq.aggregator.Aggregator;
import mq.common.kafka.TopicSetup;
import mq.common.protocol.JobReport;
import mq.launcher.GroupReadiness;
import mq.launcher.ResultWatcher;
import mq.producer.JobPublisher;
import mq.producer.input.InputFormat;
import mq.testing.TestBroker;
import mq.worker.Worker;
import mq.worker.reduce.BusyWork;
import mq.worker.reduce.ChunkReducer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jobs one after another against the same long-running workers and aggregator (in this JVM, on a real broker). */
class LongRunningRolesIT {
    @TempDir
    Path dir;

    private final RunFixture fixture = new RunFixture();
    private final List<Runnable> stops = new ArrayList<>();

    @AfterEach
    void stopRoles() {
        stops.forEach(Runnable::run);
    }

    @Test
    void jobsRunOneAfterAnotherOnTheSameRoles() throws Exception {
        // Given an aggregator and two workers that outlive the jobs
        String workers = TestBroker.uniqueName("workers");
        String aggregators = TestBroker.uniqueName("aggregator");
        try (Admin admin = Admin.create(fixture.client.admin("it"))) {
            TopicSetup.ensure(admin, fixture.topics, RunFixture.PARTITIONS);
            start(new Aggregator(() -> new KafkaConsumer<>(fixture.client.consumer(aggregators, "agg")),
                    new KafkaProducer<>(fixture.client.producer("agg")), fixture.topics, dir.resolve("reports"),
                    Duration.ofMinutes(1), new SimpleMeterRegistry()));
            for (int i = 1; i <= 2; i++) {
                String id = "w" + i;
                start(new Worker(() -> new KafkaConsumer<>(fixture.client.consumer(workers, id)),
                        new KafkaProducer<>(fixture.client.producer(id)), fixture.topics, id, 2,
                        new ChunkReducer(id, BusyWork.NONE), new SimpleMeterRegistry()));
            }
            GroupReadiness readiness = new GroupReadiness(admin);
            readiness.await(aggregators, List.of(fixture.topics.jobs(), fixture.topics.partials()), 1, Duration.ofSeconds(60), () -> { });
            readiness.await(workers, List.of(fixture.topics.chunks()), 2, Duration.ofSeconds(60), () -> { });
        }

        // When three jobs are produced one after another
        List<JobReport> reports = new ArrayList<>();
        for (int job = 1; job <= 3; job++) {
            StringBuilder numbers = new StringBuilder();
            for (int n = 1; n <= 1000 * job; n++) {
                numbers.append(n).append('\n');
            }
            Path input = Files.writeString(dir.resolve("n" + job + ".txt"), numbers);
            try (ResultWatcher watcher = new ResultWatcher(fixture.client, fixture.topics.results());
                 KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(fixture.client.producer("p"))) {
                new JobPublisher(producer, fixture.topics, RunFixture.PARTITIONS).publish(
                        RunFixture.request("job-" + job, input, InputFormat.NUMBERS, 97, false, dir.resolve("out" + job)),
                        JobPublisher.Progress.NONE);
                reports.add(watcher.await("job-" + job, Duration.ofMinutes(1), p -> { }, () -> { }));
            }
        }

        // Then each has the exact sum 1 + 2 + ... + n
        for (int job = 1; job <= 3; job++) {
            long n = 1000L * job;
            JobReport report = reports.get(job - 1);
            assertThat(report.verified()).isTrue();
            assertThat(report.sum()).isEqualByComparingTo(Long.toString(n * (n + 1) / 2));
            assertThat(dir.resolve("out" + job).resolve("report.json")).exists();
        }
    }

    private void start(Aggregator aggregator) {
        Thread thread = new Thread(aggregator, "aggregator");
        thread.start();
        stops.add(() -> close(() -> aggregator.close(Duration.ofSeconds(10))));
    }

    private void start(Worker worker) {
        Thread thread = new Thread(worker, "worker");
        thread.start();
        stops.add(() -> close(() -> worker.close(Duration.ofSeconds(10))));
    }

    private interface Closer {
        void close() throws InterruptedException;
    }

    private static void close(Closer closer) {
        try {
            closer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
