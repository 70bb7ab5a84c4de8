package mq.worker;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mq.common.kafka.PositionsOnAssign;
import mq.common.protocol.Partial;
import mq.common.protocol.Topics;
import mq.worker.reduce.ChunkReducer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker process's poll loop: take chunks, reduce them on T threads, send the partial results,
 * and only when the broker has acknowledged every partial, commit the chunks' offsets.
 *
 * <p>If the process dies anywhere in between, its uncommitted chunks go to another member of the
 * group and are reduced again; the aggregator ignores the duplicate partials that this can cause.
 * So nothing is lost and nothing is counted twice.
 */
public final class Worker implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    private final Consumer<byte[], byte[]> consumer;
    private final ChunkBatch batches;
    private final Topics topics;
    private final String workerId;
    private final int threadCount;
    private final WorkerMetrics metrics;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closing;
    private volatile long chunksDone;

    public Worker(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer, Topics topics,
                  String workerId, int threadCount, ChunkReducer reducer, MeterRegistry meters) {
        this.consumer = consumer;
        this.batches = new ChunkBatch(producer, topics, workerId, threadCount, reducer);
        this.topics = topics;
        this.workerId = workerId;
        this.threadCount = threadCount;
        this.metrics = new WorkerMetrics(meters, workerId);
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topics.chunks()), new PositionsOnAssign(consumer, "worker " + workerId));
            LOG.info("worker {} polling {} with {} thread(s)", workerId, topics.chunks(), threadCount);
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
            Thread.currentThread().interrupt(); // stopping: the batch in hand stays uncommitted and is redone
        } catch (AuthorizationException | UnsupportedVersionException e) {
            LOG.error("worker {} cannot go on: {}", workerId, e.getMessage());
            throw e;
        } finally {
            try {
                consumer.close();
            } finally {
                batches.close();
                stopped.countDown();
                LOG.info("worker {} stopped after {} chunks", workerId, chunksDone);
            }
        }
    }

    private void handle(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        long pickedUpAt = System.currentTimeMillis();
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        List<Partial> partials = batches.reduce(batch, pickedUpAt);
        try {
            batches.sendAndAwait(partials);
        } catch (ExecutionException e) {
            LOG.warn("worker {}: sending partial results failed ({}); the chunks will be redone", workerId,
                    e.getCause().getMessage());
            rewind(batch);
            return;
        }
        try {
            consumer.commitSync(nextOffsets(batch));
        } catch (KafkaException e) {
            // The partials are out; if their chunks are redone elsewhere the aggregator drops the duplicates.
            LOG.warn("worker {}: commit failed ({}); another member may redo these chunks", workerId, e.getMessage());
        }
        metrics.acknowledged(partials);
        chunksDone += batch.size();
    }

    /** Goes back to the first record of the batch on each partition, so the next poll returns them again. */
    private void rewind(List<ConsumerRecord<byte[], byte[]>> batch) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            first.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        first.forEach(consumer::seek);
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<ConsumerRecord<byte[], byte[]>> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            offsets.merge(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return offsets;
    }

    public long chunksDone() {
        return chunksDone;
    }

    /** Stops the loop from any thread and waits for it to close its clients. */
    public void close(Duration timeout) throws InterruptedException {
        closing = true;
        consumer.wakeup();
        if (!stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("worker {} did not stop within {}", workerId, timeout);
        }
    }
}
