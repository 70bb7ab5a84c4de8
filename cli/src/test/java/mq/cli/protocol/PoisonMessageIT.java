package mq.cli.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import mq.launcher.ResultWatcher;
import mq.common.kafka.DeadLetter;
import mq.common.protocol.JobReport;
import mq.producer.JobPublisher;
import mq.producer.input.InputFormat;
import mq.testing.TestBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Messages that break the protocol, written as an outsider would (kcat), on every topic the roles
 * read: each goes to the dead-letter topic with the reason, no role stops, and a normal job that
 * follows is exact.
 */
class PoisonMessageIT {
    @TempDir
    Path dir;

    @Test
    void poisonOnEveryTopicNeverStopsARoleAndTheNextJobIsExact() throws Exception {
        Outsider.assumeKcat();
        try (InProcessRoles roles = new InProcessRoles(dir.resolve("reports")).startAggregator().startConsumerWorkers(2)) {
            Outsider kcat = new Outsider(TestBroker.bootstrap());
            String jobs = roles.topics.jobs();
            String partials = roles.topics.partials();
            String chunks = roles.topics.chunks();

            // Given every kind of broken message the roles were once stopped by, and more
            kcat.send(jobs, "j1", "null");
            tombstone(roles, jobs, "j2");
            kcat.send(jobs, "j3", "{}");
            kcat.send(jobs, "j4", "not json at all \u001b[2J");
            kcat.send(jobs, "j5", "{\"type\":\"ended\",\"job\":\"j5\",\"chunks\":-5}");
            kcat.send(jobs, "x", "{\"type\":\"started\",\"job\":\"../../x\",\"kind\":\"numbers\"}");
            kcat.send(jobs, "j6", "{\"type\":\"ended\",\"job\":\"j6\",\"chunks\":1,\"protocol\":99}");
            kcat.send(partials, "p1", "{}");
            tombstone(roles, partials, "p2");
            kcat.send(partials, "p3", "{\"job\":\"p3\",\"chunk\":0,\"kind\":\"records\",\"records\":1}");
            kcat.send(partials, "p4", "{\"job\":\"p4\",\"chunk\":0,\"kind\":\"numbers\",\"numbers\":{\"count\":1e999999999}}");
            kcat.send(chunks, null, "1");
            kcat.send(chunks, "c", "1", "mq-job=../../x", "mq-chunk=0", "mq-kind=numbers");
            kcat.send(chunks, "c", "1", "mq-job=c1", "mq-chunk=-1", "mq-kind=numbers");
            // and a job that ends without ever starting: it must fail, not succeed
            kcat.send(jobs, "lonely", "{\"type\":\"ended\",\"job\":\"lonely\",\"chunks\":0,\"records\":0,\"bytes\":0,\"checksum\":0}");

            // Then each of them is a dead letter naming where it came from and why
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(TopicContents.all(roles.client, roles.topics.dead())).hasSizeGreaterThanOrEqualTo(14));
            List<DeadLetter> dead = TopicContents.all(roles.client, roles.topics.dead()).stream().map(DeadLetter::from).toList();
            assertThat(dead).extracting(DeadLetter::topic).contains(jobs, partials, chunks);
            assertThat(dead).extracting(DeadLetter::reason).anyMatch(r -> r.contains("JSON null"))
                    .anyMatch(r -> r.contains("tombstone")).anyMatch(r -> r.contains("ended.chunks is -5"))
                    .anyMatch(r -> r.contains("job id '../../x'")).anyMatch(r -> r.contains("protocol version 99"))
                    .anyMatch(r -> r.contains("has no latest")).anyMatch(r -> r.contains("no header mq-job"))
                    .allMatch(r -> !r.contains("\u001b"));
            assertThat(dead).extracting(DeadLetter::role).contains("aggregator")
                    .anyMatch(role -> role.startsWith("worker ")); // whichever owns partition 0
            assertThat(Files.exists(dir.resolve("x"))).isFalse();

            // and the job without started fails
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(TopicContents.finals(roles.client, roles.topics.results(), "lonely")).singleElement()
                            .satisfies(report -> {
                                assertThat(report.status()).isEqualTo(JobReport.FAILED);
                                assertThat(report.error()).contains("no started event");
                            }));

            // and every role is alive, and a normal job is exact
            assertThat(roles.allAlive()).isTrue();
            assertNormalJobIsExact(roles, "after-poison");
            assertThat(roles.allAlive()).isTrue();
        }
    }

    @Test
    void aShareWorkerRejectsAPoisonChunkAfterDeadLetteringIt() throws Exception {
        Outsider.assumeKcat();
        try (InProcessRoles roles = new InProcessRoles(dir.resolve("reports")).startAggregator().startShareWorkers(1)) {
            new Outsider(TestBroker.bootstrap()).send(roles.topics.chunks(), null, "1", "mq-kind=numbers");

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(TopicContents.all(roles.client, roles.topics.dead())).singleElement()
                            .satisfies(r -> assertThat(DeadLetter.from(r).reason()).contains("no header mq-job")));
            assertNormalJobIsExact(roles, "share-after-poison");
            // REJECTed, not released: it never comes back as a second dead letter
            assertThat(TopicContents.all(roles.client, roles.topics.dead())).hasSize(1);
            assertThat(roles.allAlive()).isTrue();
        }
    }

    @Test
    void randomBytesHeadersAndJsonShapesOnEveryTopicThenAnExactJob() throws Exception {
        try (InProcessRoles roles = new InProcessRoles(dir.resolve("reports")).startAggregator().startConsumerWorkers(1);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(roles.client.producer("fuzz"))) {
            Random random = new Random(20261130L); // fixed seed: a failure can be replayed
            List<String> topics = List.of(roles.topics.jobs(), roles.topics.partials(), roles.topics.chunks());
            List<String> shapes = List.of("{}", "[]", "null", "0", "\"x\"", "{\"type\":\"started\"}",
                    "{\"type\":\"ended\",\"job\":\"f\",\"chunks\":1}", "{\"job\":\"f\",\"chunk\":0}",
                    "{\"job\":\"f\",\"chunk\":2147483648}", "{\"job\":\"f\",\"chunk\":0,\"kind\":\"numbers\",\"numbers\":{}}",
                    "{\"type\":\"started\",\"job\":\"f\",\"kind\":\"records\",\"record_spec\":{}}");
            List<String> headerNames = List.of("mq-job", "mq-chunk", "mq-kind", "mq-crc32c", "mq-records", "mq-first-line",
                    "mq-first-record", "mq-key-field", "mq-timestamp-field", "mq-lines", "mq-protocol", "mq-owner");
            for (int i = 0; i < 300; i++) {
                byte[] value = switch (random.nextInt(3)) {
                    case 0 -> randomBytes(random);
                    case 1 -> shapes.get(random.nextInt(shapes.size())).getBytes(StandardCharsets.UTF_8);
                    default -> null;
                };
                RecordHeaders headers = new RecordHeaders();
                for (int h = random.nextInt(6); h > 0; h--) {
                    headers.add(headerNames.get(random.nextInt(headerNames.size())),
                            random.nextBoolean() ? randomBytes(random) : Integer.toString(random.nextInt(3) - 1)
                                    .getBytes(StandardCharsets.UTF_8));
                }
                String topic = topics.get(random.nextInt(topics.size()));
                byte[] key = random.nextBoolean() ? null : ("f" + random.nextInt(3)).getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topic, null, key, value, headers));
            }
            producer.flush();

            assertNormalJobIsExact(roles, "after-fuzz");
            assertThat(roles.allAlive()).isTrue();
        }
    }

    /** kcat cannot send a NULL value from a file or an empty line; a plain Java client can. */
    private static void tombstone(InProcessRoles roles, String topic, String key) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(roles.client.producer("tombstones"))) {
            producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), null)).get();
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(40)];
        random.nextBytes(bytes);
        return bytes;
    }

    private void assertNormalJobIsExact(InProcessRoles roles, String job) throws Exception {
        StringBuilder numbers = new StringBuilder();
        for (int n = 1; n <= 5000; n++) {
            numbers.append(n).append('\n');
        }
        Path input = Files.writeString(dir.resolve(job + ".txt"), numbers);
        try (ResultWatcher watcher = new ResultWatcher(roles.client, roles.topics.results());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(roles.client.producer("p"))) {
            new JobPublisher(producer, roles.topics, InProcessRoles.PARTITIONS).publish(
                    new JobPublisher.Request(job, input, InputFormat.NUMBERS, null, 300, false, null),
                    JobPublisher.Progress.NONE);
            JobReport report = watcher.await(job, Duration.ofSeconds(60), p -> { }, () -> { });
            assertThat(report.status()).isEqualTo(JobReport.SUCCEEDED);
            assertThat(report.verified()).isTrue();
            assertThat(report.sum()).isEqualByComparingTo("12502500");
        }
    }
}
