package mq.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import mq.common.protocol.Topics;
import mq.worker.reduce.BusyWork;
import mq.worker.reduce.ChunkReducer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * A consumer-group worker whose batch send fails with a retriable error seeks back and does the
 * batch again; the batch's dead letters are written once, when the batch is confirmed, not once
 * per try.
 */
class DeadLettersOnceTest {
    private static final Topics TOPICS = Topics.withPrefix("t.");
    private static final TopicPartition PARTITION = new TopicPartition(TOPICS.chunks(), 0);

    @Test
    void aBatchRetriedAfterARetriableSendErrorWritesItsDeadLettersOnce() throws Exception {
        // Given a batch of a good chunk and a chunk without headers, and a broker that times out the first send
        MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");
        FailingFirstSends producer = new FailingFirstSends(TOPICS.partials(), 1);
        Worker worker = new Worker(() -> consumer, producer, TOPICS, "w1", 1, new ChunkReducer("w1", BusyWork.NONE),
                new SimpleMeterRegistry());
        consumer.schedulePollTask(() -> {
            consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
            consumer.rebalance(List.of(PARTITION));
        });
        // What the broker does: after a seek back, the next polls return the batch again
        AtomicInteger deliveries = new AtomicInteger();
        for (int poll = 0; poll < 20; poll++) {
            consumer.schedulePollTask(() -> {
                if (consumer.position(PARTITION) == 0 && deliveries.get() < 3) {
                    deliveries.incrementAndGet();
                    consumer.addRecord(TestChunks.goodChunk(PARTITION));
                    consumer.addRecord(new ConsumerRecord<>(PARTITION.topic(), 0, 1, 0L, TimestampType.CREATE_TIME, 0, 4,
                            "job-1/1".getBytes(StandardCharsets.UTF_8), "3\n".getBytes(StandardCharsets.UTF_8),
                            new RecordHeaders(), Optional.empty()));
                }
            });
        }

        // When the worker runs until the batch is confirmed
        Thread loop = new Thread(worker, "worker");
        loop.start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> TestChunks.committed(consumer, PARTITION) >= 2);
        long committedOffset = TestChunks.committed(consumer, PARTITION);
        worker.close(Duration.ofSeconds(10));

        // Then it tried twice (the batch came back after the seek) and wrote one dead letter and one partial
        assertThat(deliveries).hasValue(2);
        assertThat(committedOffset).isEqualTo(2);
        assertThat(producer.history()).filteredOn(r -> r.topic().equals(TOPICS.dead())).hasSize(1);
        assertThat(producer.history()).filteredOn(r -> r.topic().equals(TOPICS.partials())).hasSize(1);
    }

    /** A producer whose first sends to one topic fail with a retriable timeout, as a struggling broker's do. */
    private static final class FailingFirstSends extends MockProducer<byte[], byte[]> {
        private final String topic;
        private final AtomicInteger failures;

        FailingFirstSends(String topic, int failures) {
            super(true, null, new ByteArraySerializer(), new ByteArraySerializer());
            this.topic = topic;
            this.failures = new AtomicInteger(failures);
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            if (record.topic().equals(topic) && failures.getAndDecrement() > 0) {
                return CompletableFuture.failedFuture(new TimeoutException("the broker did not answer in time"));
            }
            return super.send(record, callback);
        }
    }
}
