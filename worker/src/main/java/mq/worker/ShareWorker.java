package mq.worker;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mq.common.protocol.Partial;
import mq.common.protocol.Topics;
import mq.worker.reduce.ChunkReducer;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.ShareConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker in a share group (KIP-932): the broker hands out individual chunks, not partitions, so
 * more workers than partitions can take part and a slow worker does not hold a whole partition.
 *
 * <p>Each chunk is acknowledged ({@code ACCEPT}) only after its partial is acknowledged by the
 * broker; if sending fails the chunks are {@code RELEASE}d for redelivery. A crashed worker's
 * chunks come back when their acquisition lock expires, with a higher delivery count; the
 * aggregator drops any duplicate partial, so the result stays exact. There is no ordering.
 */
public final class ShareWorker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(ShareWorker.class);

    private final ShareConsumer<byte[], byte[]> consumer;
    private final ChunkBatch batch;
    private final Topics topics;
    private final String workerId;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closing;
    private volatile long chunksDone;
    private final WorkerMetrics metrics;

    public ShareWorker(ShareConsumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer, Topics topics,
                       String workerId, int threadCount, ChunkReducer reducer, MeterRegistry meters) {
        this.consumer = consumer;
        this.metrics = new WorkerMetrics(meters, workerId);
        this.batch = new ChunkBatch(producer, topics, workerId, threadCount, reducer);
        this.topics = topics;
        this.workerId = workerId;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(Set.of(topics.chunks()));
            LOG.info("share worker {} polling {}", workerId, topics.chunks());
            while (!closing) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    handle(records);
                }
            }
        } catch (WakeupException e) {
            if (!closing) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                consumer.close();
                batch.close();
            } finally {
                stopped.countDown();
                LOG.info("share worker {} stopped after {} chunks", workerId, chunksDone);
            }
        }
    }

    private void handle(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        long pickedUpAt = System.currentTimeMillis();
        List<ConsumerRecord<byte[], byte[]>> chunks = new ArrayList<>(records.count());
        records.forEach(chunks::add);
        List<Partial> partials = batch.reduce(chunks, pickedUpAt);
        AcknowledgeType outcome;
        try {
            batch.sendAndAwait(partials);
            outcome = AcknowledgeType.ACCEPT;
        } catch (ExecutionException e) {
            LOG.warn("share worker {}: sending partials failed ({}); releasing the chunks for redelivery",
                    workerId, e.getCause().getMessage());
            outcome = AcknowledgeType.RELEASE;
        }
        for (ConsumerRecord<byte[], byte[]> chunk : chunks) {
            consumer.acknowledge(chunk, outcome);
        }
        consumer.commitSync().forEach((partition, error) -> error.ifPresent(e ->
                LOG.warn("share worker {}: acknowledging {} failed ({}); those chunks will be redelivered",
                        workerId, partition, e.getMessage())));
        if (outcome == AcknowledgeType.ACCEPT) {
            metrics.acknowledged(partials);
            chunksDone += chunks.size();
        }
    }

    public long chunksDone() {
        return chunksDone;
    }

    /** Stops the loop from any thread and waits for it to close its clients. */
    public void close(Duration timeout) throws InterruptedException {
        closing = true;
        consumer.wakeup();
        if (!stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("share worker {} did not stop within {}", workerId, timeout);
        }
    }
}
