package mq.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mq.common.protocol.Topics;
import mq.worker.reduce.BusyWork;
import mq.worker.reduce.ChunkReducer;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.OffsetCommitCallback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * Workers commit asynchronously, and an asynchronous commit is not retried: one that fails at the end
 * of a job (seen after a rebalance) would leave the job's last chunks uncommitted, shown as lag and
 * redone by the partition's next owner. So a worker with nothing to do commits what it confirmed.
 */
class CommitWhenIdleTest {
    private static final Topics TOPICS = Topics.withPrefix("t.");
    private static final TopicPartition PARTITION = new TopicPartition(TOPICS.chunks(), 0);

    @Test
    void anAsynchronousCommitThatFailedIsMadeSynchronouslyOnceTheWorkerIsIdle() throws Exception {
        // Given a consumer whose asynchronous commits all fail, and one chunk to do
        AtomicInteger failedAsyncCommits = new AtomicInteger();
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest") {
            @Override
            public synchronized void commitAsync(Map<TopicPartition, OffsetAndMetadata> offsets, OffsetCommitCallback callback) {
                if (callback == null) {
                    super.commitAsync(offsets, null); // how the mock's commitSync commits
                    return;
                }
                failedAsyncCommits.incrementAndGet();
                callback.onComplete(offsets, new RebalanceInProgressException("the group is rebalancing"));
            }
        };
        consumer.schedulePollTask(() -> {
            consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
            consumer.rebalance(List.of(PARTITION));
            consumer.addRecord(TestChunks.goodChunk(PARTITION));
        });
        Worker worker = new Worker(() -> consumer, new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer()), TOPICS, "w1", 1, new ChunkReducer("w1", BusyWork.NONE), new SimpleMeterRegistry());

        // When the worker does the chunk and then finds nothing more
        Thread loop = new Thread(worker, "worker");
        loop.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> TestChunks.committed(consumer, PARTITION) == 1);
        worker.close(Duration.ofSeconds(10));

        // Then the chunk's offset is committed all the same, by the idle worker's synchronous commit
        assertThat(failedAsyncCommits).hasValue(1);
        assertThat(worker.chunksDone()).isEqualTo(1);
    }
}
