package mq.cli.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mq.aggregator.report.ReportFiles;
import mq.common.protocol.JobReport;
import mq.common.protocol.Json;
import mq.common.protocol.MessageRules;
import mq.common.protocol.Partial;
import mq.launcher.ResultWatcher;
import mq.producer.JobPublisher;
import mq.producer.input.InputFormat;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Restarts and late messages never rewrite a result: finished jobs stay finished across an
 * aggregator restart, offsets move as jobs finish, and two aggregators on one prefix never both
 * finalise a job.
 */
class RecoveryIT {
    /** Chunks each of two concurrent jobs has sent before the aggregator is restarted (of 120). */
    private static final int CHUNKS_BEFORE_RESTART = 10;

    @TempDir
    Path dir;

    @Test
    void aLatePartialAfterAnAggregatorRestartNeverReopensAFinishedJob() throws Exception {
        try (InProcessRoles roles = new InProcessRoles(dir.resolve("reports")).startAggregator().startConsumerWorkers(1);
             KafkaProducer<byte[], byte[]> late = new KafkaProducer<>(roles.client.producer("frozen-worker"))) {
            // Given a finished job, and one of its partials as a frozen worker still holds it
            assertThat(runNumbers(roles, "finished", 2000).status()).isEqualTo(JobReport.SUCCEEDED);
            ConsumerRecord<byte[], byte[]> held = TopicContents.all(roles.client, roles.topics.partials()).get(0);
            Partial original = MessageRules.partial(held.value());

            // When the aggregator is restarted and the worker resumes: its partial comes late, as a new chunk even
            roles.stopAggregator();
            roles.startAggregator();
            late.send(new ProducerRecord<>(roles.topics.partials(), held.key(), held.value())).get();
            Partial phantom = new Partial(original.job(), 999, "frozen", original.kind(), original.records(), original.bytes(),
                    original.crc32c(), 0, 0, 0, 0, original.numbers(), null, 0, List.of(), null);
            late.send(new ProducerRecord<>(roles.topics.partials(), held.key(), Json.encode(phantom))).get();
            runNumbers(roles, "after-restart", 100); // once this is done, the late partials have been read

            // Then the job has one final, and its report is the good one
            assertThat(TopicContents.finals(roles.client, roles.topics.results(), "finished")).hasSize(1);
            assertThat(ReportFiles.read(dir.resolve("reports").resolve("finished"))).get()
                    .extracting(JobReport::status).isEqualTo(JobReport.SUCCEEDED);
        }
    }

    @Test
    void offsetsMoveAsJobsFinishAndARestartReplaysOnlyTheUnfinishedWithTheirTimings() throws Exception {
        try (InProcessRoles roles = new InProcessRoles(dir.resolve("reports")).startAggregator().startConsumerWorkers(1);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(roles.client.producer("slow-producer"))) {
            // Given a job whose producer started long ago and has not ended, and a job that finished meanwhile
            long startedAt = System.currentTimeMillis() - 60_000;
            send(producer, roles.topics.jobs(), "slow", "{\"type\":\"started\",\"job\":\"slow\",\"kind\":\"numbers\","
                    + "\"started_at\":" + startedAt + "}");
            assertThat(runNumbers(roles, "quick", 500).status()).isEqualTo(JobReport.SUCCEEDED);

            // When the aggregator restarts, and the slow job then ends
            awaitPartialsCommitted(roles); // the finished job's messages committed past, as before a real restart
            roles.stopAggregator();
            roles.startAggregator();
            try (ResultWatcher watcher = new ResultWatcher(roles.client, roles.topics.results())) {
                send(producer, roles.topics.jobs(), "slow", "{\"type\":\"ended\",\"job\":\"slow\",\"chunks\":0,"
                        + "\"records\":0,\"bytes\":0,\"checksum\":0}");
                JobReport slow = watcher.await("slow", Duration.ofSeconds(30), p -> { }, () -> { });

                // Then the slow job was replayed from its start (its started event counts, its timings are its own)
                assertThat(slow.status()).isEqualTo(JobReport.SUCCEEDED);
                assertThat(slow.startedAt()).isEqualTo(startedAt);
                assertThat(slow.timings().endToEndMs()).isBetween(60_000L, 600_000L);
            }
            // and the finished job was not reported again
            assertThat(TopicContents.finals(roles.client, roles.topics.results(), "quick")).hasSize(1);
        }
    }

    @Test
    void twoConcurrentJobsStayExactWhenTheAggregatorRestartsMidJob() throws Exception {
        try (InProcessRoles roles = new InProcessRoles(dir.resolve("reports")).startAggregator().startConsumerWorkers(2);
             ResultWatcher watcher = new ResultWatcher(roles.client, roles.topics.results())) {
            // Given two jobs produced at once, slowly enough to be in flight together
            Path a = numbersFile("concurrent-a", 60_000);
            Path b = numbersFile("concurrent-b", 60_000);
            CountDownLatch bothUnderWay = new CountDownLatch(2 * CHUNKS_BEFORE_RESTART);
            Thread producerA = publishInBackground(roles, "concurrent-a", a, bothUnderWay);
            Thread producerB = publishInBackground(roles, "concurrent-b", b, bothUnderWay);

            // When the aggregator stops mid-job (both producers past their first chunks) and comes back
            assertThat(bothUnderWay.await(60, TimeUnit.SECONDS)).isTrue();
            roles.stopAggregator();
            roles.startAggregator();
            producerA.join(60_000);
            producerB.join(60_000);

            // Then both are exact, each with one final
            for (String job : List.of("concurrent-a", "concurrent-b")) {
                JobReport report = TopicContentsAwait.finalOf(roles, watcher, job);
                assertThat(report.status()).isEqualTo(JobReport.SUCCEEDED);
                assertThat(report.sum()).isEqualByComparingTo("1800030000");
                assertThat(TopicContents.finals(roles.client, roles.topics.results(), job)).hasSize(1);
            }
        }
    }

    /** Waits until the aggregator's group has committed the whole partials topic (it commits once a second). */
    private static void awaitPartialsCommitted(InProcessRoles roles) throws Exception {
        TopicPartition partials = new TopicPartition(roles.topics.partials(), 0);
        try (Admin admin = Admin.create(roles.client.admin("recovery-commits"))) {
            long end = admin.listOffsets(Map.of(partials, OffsetSpec.latest())).partitionResult(partials).get().offset();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(roles.aggregatorGroup)
                        .partitionsToOffsetAndMetadata().get().get(partials);
                return committed != null && committed.offset() == end;
            });
        }
    }

    private Path numbersFile(String job, int n) throws Exception {
        StringBuilder numbers = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            numbers.append(i).append('\n');
        }
        return Files.writeString(dir.resolve(job + ".txt"), numbers);
    }

    private static Thread publishInBackground(InProcessRoles roles, String job, Path input, CountDownLatch sent) {
        Thread thread = new Thread(() -> {
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(roles.client.producer(job))) {
                new JobPublisher(producer, roles.topics, InProcessRoles.PARTITIONS).publish(
                        new JobPublisher.Request(job, input, InputFormat.NUMBERS, null, 500, false, null),
                        (read, total, chunks) -> {
                            if (chunks <= CHUNKS_BEFORE_RESTART) {
                                sent.countDown();
                            }
                            pause();
                        });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "producer-" + job);
        thread.start();
        return thread;
    }

    /** A few ms per chunk: the jobs overlap and outlast the aggregator's restart. */
    private static void pause() {
        try {
            Thread.sleep(15);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void twoAggregatorsOnOnePrefixNeverBothFinaliseAJob() throws Exception {
        try (InProcessRoles roles = new InProcessRoles(dir.resolve("reports")).startAggregator().startConsumerWorkers(1)
                .startOwnedAggregator("run-7")) {
            // When one job is owned by the second aggregator and one by the default aggregator
            JobReport owned = runNumbers(roles, "owned", 1000, "run-7");
            JobReport shared = runNumbers(roles, "default-owned", 1000, null);

            // Then each has one final, exact
            assertThat(owned.sum()).isEqualByComparingTo("500500");
            assertThat(shared.sum()).isEqualByComparingTo("500500");
            assertThat(TopicContents.finals(roles.client, roles.topics.results(), "owned")).hasSize(1);
            assertThat(TopicContents.finals(roles.client, roles.topics.results(), "default-owned")).hasSize(1);
            assertThat(dir.resolve("owned-reports").resolve("owned").resolve(ReportFiles.REPORT_FILE)).exists();
            assertThat(dir.resolve("reports").resolve("owned")).doesNotExist();
        }
    }

    private JobReport runNumbers(InProcessRoles roles, String job, int n) throws Exception {
        return runNumbers(roles, job, n, null);
    }

    private JobReport runNumbers(InProcessRoles roles, String job, int n, String owner) throws Exception {
        StringBuilder numbers = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            numbers.append(i).append('\n');
        }
        Path input = Files.writeString(dir.resolve(job + ".txt"), numbers);
        try (ResultWatcher watcher = new ResultWatcher(roles.client, roles.topics.results());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(roles.client.producer("p"))) {
            new JobPublisher(producer, roles.topics, InProcessRoles.PARTITIONS).publish(
                    new JobPublisher.Request(job, input, InputFormat.NUMBERS, null, 97, false, null).ownedBy(owner),
                    JobPublisher.Progress.NONE);
            return watcher.await(job, Duration.ofSeconds(60), p -> { }, () -> { });
        }
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String topic, String key, String json) throws Exception {
        producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                json.getBytes(StandardCharsets.UTF_8))).get();
    }
}
