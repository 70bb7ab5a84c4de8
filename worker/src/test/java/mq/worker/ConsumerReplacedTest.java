package mq.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mq.common.kafka.ClientFactory;
import mq.common.protocol.Topics;
import mq.worker.reduce.BusyWork;
import mq.worker.reduce.ChunkReducer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * A consumer that throws what it has no retry for (in a broker restart the new consumer protocol
 * threw "Cannot set a new position without a valid current position" out of poll, and the worker
 * exited) is closed and replaced: the worker joins again with a new consumer and goes on.
 */
class ConsumerReplacedTest {
    private static final Topics TOPICS = Topics.withPrefix("t.");
    private static final TopicPartition PARTITION = new TopicPartition(TOPICS.chunks(), 0);

    @Test
    void aConsumerThatFailsIsClosedAndANewOneTakesTheChunks() throws Exception {
        // Given a first consumer whose poll throws, and a second one that has a chunk to give
        MockConsumer<byte[], byte[]> broken = new MockConsumer<>("earliest");
        broken.schedulePollTask(() -> {
            throw new IllegalStateException("Cannot set a new position without a valid current position");
        });
        MockConsumer<byte[], byte[]> fresh = new MockConsumer<>("earliest");
        fresh.schedulePollTask(() -> {
            fresh.updateBeginningOffsets(Map.of(PARTITION, 0L));
            fresh.rebalance(List.of(PARTITION));
            fresh.addRecord(TestChunks.goodChunk(PARTITION));
        });
        List<MockConsumer<byte[], byte[]>> toOpen = new ArrayList<>(List.of(broken, fresh));
        List<Consumer<byte[], byte[]>> closed = new ArrayList<>();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Worker worker = new Worker(new ClientFactory<>() {
            @Override
            public Consumer<byte[], byte[]> open() {
                return toOpen.remove(0);
            }

            @Override
            public void closed(Consumer<byte[], byte[]> consumer) {
                closed.add(consumer);
            }
        }, new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()), TOPICS, "w1", 1,
                new ChunkReducer("w1", BusyWork.NONE), meters);

        // When the worker runs
        Thread loop = new Thread(worker, "worker");
        loop.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> TestChunks.committed(fresh, PARTITION) == 1);
        worker.close(Duration.ofSeconds(10));
        loop.join(Duration.ofSeconds(10).toMillis());

        // Then the broken consumer was closed, the new one did the chunk, and the restart was counted
        assertThat(broken.closed()).isTrue();
        assertThat(closed).containsExactly(broken, fresh);
        assertThat(worker.chunksDone()).isEqualTo(1);
        assertThat(meters.get("mq.worker.consumer.restarts").counter().count()).isEqualTo(1.0);
        assertThat(loop.isAlive()).isFalse();
    }
}
