package mq.aggregator;

import static mq.aggregator.NumbersJobMessages.JOBS;
import static mq.aggregator.NumbersJobMessages.PARTIALS;
import static mq.aggregator.NumbersJobMessages.TOPICS;
import static mq.aggregator.NumbersJobMessages.assign;
import static mq.aggregator.NumbersJobMessages.ended;
import static mq.aggregator.NumbersJobMessages.message;
import static mq.aggregator.NumbersJobMessages.partial;
import static mq.aggregator.NumbersJobMessages.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mq.common.kafka.DeadLetters;
import mq.common.protocol.JobReport;
import mq.common.protocol.Json;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An aggregator that decodes a poll's partials on several threads handles them exactly as one
 * that decodes them on its own thread: the same report, the same dead letters in the same order;
 * and its decoding threads stop when it closes, also after its consumer was replaced.
 */
class ParallelDecodingTest {
    private static final String STRAY = "stray-job";

    @Test
    void aMixedBatchIsHandledAsWhenDecodedOnTheLoopsThread(@TempDir Path dir) throws Exception {
        Outcome pooled = run(dir.resolve("pooled"), 4, false);
        Outcome alone = run(dir.resolve("alone"), 1, false);

        assertThat(pooled.report().status()).isEqualTo(JobReport.SUCCEEDED);
        assertThat(pooled.report().verified()).isTrue();
        assertThat(pooled.report().count()).isEqualTo(7);
        assertThat(pooled.report().sum()).isEqualByComparingTo("28");
        // in the poll's order, which groups records by partition
        assertThat(pooled.deadLetters()).containsExactly(
                "t.partials-0@2: cannot decode Partial", "t.partials-0@3: empty partial (a tombstone?)",
                "t.partials-0@5: partial.chunk is -1, must be at least 0", "t.jobs-0@1: cannot decode JobEvent");
        assertThat(alone.deadLetters()).isEqualTo(pooled.deadLetters());
        assertThat(alone.report().count()).isEqualTo(pooled.report().count());
        assertThat(alone.report().sum()).isEqualByComparingTo(pooled.report().sum());
    }

    @Test
    void theDecodingThreadsStopWhenTheAggregatorClosesAfterAStartOver(@TempDir Path dir) throws Exception {
        Outcome outcome = run(dir, 4, true);

        assertThat(outcome.report().status()).isEqualTo(JobReport.SUCCEEDED);
        await().atMost(Duration.ofSeconds(10)).until(() -> decodingThreads().isEmpty());
    }

    private record Outcome(JobReport report, List<String> deadLetters) {
    }

    /** Runs one poll of the whole job with bad messages of a job no one runs among its partials. */
    private static Outcome run(Path dir, int decodeThreads, boolean failFirst) throws Exception {
        List<MockConsumer<byte[], byte[]>> consumers = new ArrayList<>();
        if (failFirst) {
            MockConsumer<byte[], byte[]> broken = new MockConsumer<>("earliest");
            broken.schedulePollTask(() -> {
                throw new IllegalStateException("a failure no retry handles");
            });
            consumers.add(broken);
        }
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        consumer.schedulePollTask(() -> {
            assign(consumer);
            consumer.addRecord(message(JOBS, 0, started()));
            consumer.addRecord(message(PARTIALS, 0, partial(0)));
            consumer.addRecord(message(PARTIALS, 1, partial(1)));
            // large enough for the poll to be decoded on several threads (small numbers partials are not worth it)
            consumer.addRecord(message(PARTIALS, 2, STRAY, ("not json" + "x".repeat(32 * 1024)).getBytes(StandardCharsets.UTF_8)));
            consumer.addRecord(message(PARTIALS, 3, STRAY, null));
            consumer.addRecord(message(JOBS, 1, STRAY, "{]".getBytes(StandardCharsets.UTF_8)));
            consumer.addRecord(message(PARTIALS, 4, partial(0))); // a duplicate, ignored
            consumer.addRecord(message(PARTIALS, 5, STRAY, Json.encode(partial(-1))));
            consumer.addRecord(message(JOBS, 2, ended()));
        });
        consumers.add(consumer);
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        AggregatorOnMocks mocked = new AggregatorOnMocks(consumers, producer, dir, new SimpleMeterRegistry());
        mocked.aggregator.decodeThreads(decodeThreads);
        mocked.runUntilReported();
        assertThat(mocked.reports).hasSize(1);
        return new Outcome(mocked.reports.get(0), deadLetters(producer));
    }

    /** Each dead letter's source and the start of its reason. */
    private static List<String> deadLetters(MockProducer<byte[], byte[]> producer) {
        List<String> letters = new ArrayList<>();
        for (ProducerRecord<byte[], byte[]> sent : producer.history()) {
            if (sent.topic().equals(TOPICS.dead())) {
                String reason = header(sent, DeadLetters.REASON);
                letters.add(header(sent, DeadLetters.SOURCE_TOPIC) + "-" + header(sent, DeadLetters.SOURCE_PARTITION) + "@"
                        + header(sent, DeadLetters.SOURCE_OFFSET) + ": " + reason.split(":")[0]);
            }
        }
        return letters;
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static List<Thread> decodingThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("aggregator-decode-") && thread.isAlive())
                .toList();
    }
}
