package mq.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mq.common.protocol.Topics;
import mq.worker.reduce.BusyWork;
import mq.worker.reduce.ChunkReducer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * A batch whose partials could not be sent is given back by seeking to its first chunks. When the
 * broker went away meanwhile, the group may have taken a partition from this worker: seeking it
 * would throw and stop the worker (seen in a broker restart mid-job), so only owned partitions are
 * rewound and the others are left to their next owner, which starts from the committed offset.
 */
class RewindAfterRevokeTest {
    private static final Topics TOPICS = Topics.withPrefix("t.");
    private static final TopicPartition KEPT = new TopicPartition(TOPICS.chunks(), 0);
    private static final TopicPartition TAKEN = new TopicPartition(TOPICS.chunks(), 1);

    @Test
    void aBatchGivenBackAfterItsPartitionWasTakenAwayRewindsOnlyWhatTheWorkerStillOwns() {
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        Worker worker = new Worker(() -> consumer, new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()),
                TOPICS, "w1", 1, new ChunkReducer("w1", BusyWork.NONE), new SimpleMeterRegistry());
        consumer.subscribe(List.of(TOPICS.chunks()));
        consumer.updateBeginningOffsets(Map.of(KEPT, 0L, TAKEN, 0L));
        consumer.rebalance(List.of(KEPT, TAKEN));
        consumer.seek(KEPT, 7);
        consumer.seek(TAKEN, 9);
        consumer.rebalance(List.of(KEPT));

        boolean confirmed = worker.confirm(List.of(chunk(KEPT, 5), chunk(KEPT, 6), chunk(TAKEN, 8)), Set.of(), false);

        assertThat(confirmed).isFalse();
        assertThat(consumer.position(KEPT)).isEqualTo(5);
        assertThat(consumer.assignment()).containsExactly(KEPT);
    }

    private static ConsumerRecord<byte[], byte[]> chunk(TopicPartition partition, long offset) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, 0L, TimestampType.CREATE_TIME, 0, 1,
                new byte[0], new byte[] {'1'}, new RecordHeaders(), Optional.empty());
    }
}
