package mq.aggregator;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import mq.common.exact.NumberStats;
import mq.common.protocol.JobEvent;
import mq.common.protocol.JobKind;
import mq.common.protocol.Json;
import mq.common.protocol.Partial;
import mq.common.protocol.ProtocolVersion;
import mq.common.protocol.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;

/** The messages of a two-chunk numbers job (1 to 7, sum 28) of owner "lab", for aggregators driven by a MockConsumer. */
final class NumbersJobMessages {
    static final Topics TOPICS = Topics.withPrefix("t.");
    static final TopicPartition JOBS = new TopicPartition(TOPICS.jobs(), 0);
    static final TopicPartition PARTIALS = new TopicPartition(TOPICS.partials(), 0);
    static final String OWNER = "lab";
    static final String JOB = "job-1";

    private NumbersJobMessages() {
    }

    static void assign(MockConsumer<byte[], byte[]> consumer) {
        consumer.updateBeginningOffsets(Map.of(JOBS, 0L, PARTIALS, 0L));
        consumer.rebalance(List.of(JOBS, PARTIALS));
    }

    static ConsumerRecord<byte[], byte[]> message(TopicPartition partition, long offset, Object body) {
        return message(partition, offset, JOB, Json.encode(body));
    }

    static ConsumerRecord<byte[], byte[]> message(TopicPartition partition, long offset, String key, byte[] value) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, key.getBytes(StandardCharsets.UTF_8),
                value);
    }

    static JobEvent.Started started() {
        return new JobEvent.Started(JOB, JobKind.NUMBERS, "numbers.txt", "numbers", null, false, null, 1_000)
                .withOwner(OWNER, 0);
    }

    static JobEvent.Ended ended() {
        return new JobEvent.Ended(JOB, 2, 7, 0, 20, 100 + 101, 50, 1_100, OWNER, ProtocolVersion.CURRENT);
    }

    /** Chunk 0 holds 1, 2, 3 (sum 6); chunk 1 holds 4, 5, 6, 7 (sum 22). */
    static Partial partial(int chunk) {
        NumberStats stats = chunk == 0
                ? new NumberStats(3, BigDecimal.valueOf(6), BigDecimal.ONE, BigDecimal.valueOf(3))
                : new NumberStats(4, BigDecimal.valueOf(22), BigDecimal.valueOf(4), BigDecimal.valueOf(7));
        return new Partial(JOB, chunk, "w1", JobKind.NUMBERS, stats.count(), 10, 100 + chunk, 1_000, 1_010, 1_020,
                5_000, stats, null, 0, List.of(), null, OWNER, ProtocolVersion.CURRENT);
    }
}
