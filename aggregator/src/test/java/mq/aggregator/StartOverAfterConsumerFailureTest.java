package mq.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import mq.common.exact.NumberStats;
import mq.common.kafka.ClientFactory;
import mq.common.protocol.JobEvent;
import mq.common.protocol.JobKind;
import mq.common.protocol.JobReport;
import mq.common.protocol.Json;
import mq.common.protocol.Partial;
import mq.common.protocol.ProtocolVersion;
import mq.common.protocol.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An aggregator whose consumer throws what it has no retry for does not exit: it forgets the jobs
 * in flight, joins again with a new consumer, reads their messages again from the committed
 * offsets, and reports each job once, exact, with no chunk counted twice.
 */
class StartOverAfterConsumerFailureTest {
    private static final Topics TOPICS = Topics.withPrefix("t.");
    private static final TopicPartition JOBS = new TopicPartition(TOPICS.jobs(), 0);
    private static final TopicPartition PARTIALS = new TopicPartition(TOPICS.partials(), 0);
    private static final String OWNER = "lab";
    private static final String JOB = "job-1";

    @Test
    void aFailedConsumerIsReplacedAndTheJobInFlightIsReadAgainAndReportedOnce(@TempDir Path dir) throws Exception {
        // Given a consumer that delivers the job's start and first chunk, then fails,
        MockConsumer<byte[], byte[]> broken = new MockConsumer<>("earliest");
        broken.schedulePollTask(() -> {
            assign(broken);
            broken.addRecord(message(JOBS, 0, started()));
            broken.addRecord(message(PARTIALS, 0, partial(0)));
        });
        broken.schedulePollTask(() -> {
            throw new IllegalStateException("Cannot set a new position without a valid current position");
        });
        // and a new consumer that reads the same messages again and the rest of the job
        MockConsumer<byte[], byte[]> fresh = new MockConsumer<>("earliest");
        fresh.schedulePollTask(() -> {
            assign(fresh);
            fresh.addRecord(message(JOBS, 0, started()));
            fresh.addRecord(message(PARTIALS, 0, partial(0)));
            fresh.addRecord(message(PARTIALS, 1, partial(1)));
            fresh.addRecord(message(JOBS, 1, ended()));
        });
        List<MockConsumer<byte[], byte[]>> toOpen = new ArrayList<>(List.of(broken, fresh));
        List<JobReport> reports = new CopyOnWriteArrayList<>();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Aggregator aggregator = new Aggregator(new ClientFactory<Consumer<byte[], byte[]>>() {
            @Override
            public Consumer<byte[], byte[]> open() {
                return toOpen.remove(0);
            }
        }, new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()), TOPICS, dir.resolve("reports"),
                Duration.ofMinutes(1), meters).owner(OWNER).observe(AggregatorObserver.reports(reports::add));

        // When it runs
        Thread loop = new Thread(aggregator, "aggregator");
        loop.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> !reports.isEmpty());
        aggregator.close(Duration.ofSeconds(10));
        loop.join(Duration.ofSeconds(10).toMillis());

        // Then the job is reported once, exact and verified, with no duplicate, and the restart is counted
        assertThat(reports).hasSize(1);
        JobReport report = reports.get(0);
        assertThat(report.status()).isEqualTo(JobReport.SUCCEEDED);
        assertThat(report.verified()).isTrue();
        assertThat(report.count()).isEqualTo(7);
        assertThat(report.sum()).isEqualByComparingTo("28");
        assertThat(report.duplicatesIgnored()).isZero();
        assertThat(broken.closed()).isTrue();
        assertThat(meters.get("mq.aggregator.consumer.restarts").counter().count()).isEqualTo(1.0);
        assertThat(loop.isAlive()).isFalse();
    }

    private static void assign(MockConsumer<byte[], byte[]> consumer) {
        consumer.updateBeginningOffsets(Map.of(JOBS, 0L, PARTIALS, 0L));
        consumer.rebalance(List.of(JOBS, PARTIALS));
    }

    private static ConsumerRecord<byte[], byte[]> message(TopicPartition partition, long offset, Object body) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, JOB.getBytes(StandardCharsets.UTF_8),
                Json.encode(body));
    }

    private static JobEvent.Started started() {
        return new JobEvent.Started(JOB, JobKind.NUMBERS, "numbers.txt", "numbers", null, false, null, 1_000)
                .withOwner(OWNER, 0);
    }

    private static JobEvent.Ended ended() {
        return new JobEvent.Ended(JOB, 2, 7, 0, 20, 100 + 101, 50, 1_100, OWNER, ProtocolVersion.CURRENT);
    }

    /** Chunk 0 holds 1, 2, 3 (sum 6); chunk 1 holds 4, 5, 6, 7 (sum 22). */
    private static Partial partial(int chunk) {
        NumberStats stats = chunk == 0
                ? new NumberStats(3, BigDecimal.valueOf(6), BigDecimal.ONE, BigDecimal.valueOf(3))
                : new NumberStats(4, BigDecimal.valueOf(22), BigDecimal.valueOf(4), BigDecimal.valueOf(7));
        return new Partial(JOB, chunk, "w1", JobKind.NUMBERS, stats.count(), 10, 100 + chunk, 1_000, 1_010, 1_020,
                5_000, stats, null, 0, List.of(), null, OWNER, ProtocolVersion.CURRENT);
    }
}
