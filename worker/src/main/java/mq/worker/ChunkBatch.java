package mq.worker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mq.common.protocol.Json;
import mq.common.protocol.Partial;
import mq.common.protocol.Topics;
import mq.worker.reduce.ChunkReducer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * The part of a worker that does not depend on the kind of group: reduce a batch of chunks on T
 * threads, send their partials, and wait until the broker has acknowledged every one.
 */
final class ChunkBatch implements AutoCloseable {
    private final Producer<byte[], byte[]> producer;
    private final Topics topics;
    private final ChunkReducer reducer;
    private final ExecutorService threads;

    ChunkBatch(Producer<byte[], byte[]> producer, Topics topics, String workerId, int threadCount, ChunkReducer reducer) {
        if (threadCount < 1) {
            throw new IllegalArgumentException("a worker needs at least 1 processing thread, was " + threadCount);
        }
        this.producer = producer;
        this.topics = topics;
        this.reducer = reducer;
        // One thread reduces in the polling thread itself: no hand-off cost for the baseline.
        this.threads = threadCount == 1 ? null : Executors.newFixedThreadPool(threadCount, runnable -> {
            Thread thread = new Thread(runnable, workerId + "-reduce");
            thread.setDaemon(true);
            return thread;
        });
    }

    List<Partial> reduce(List<ConsumerRecord<byte[], byte[]>> batch, long pickedUpAt) throws InterruptedException {
        List<Partial> partials = new ArrayList<>(batch.size());
        if (threads == null) {
            for (ConsumerRecord<byte[], byte[]> record : batch) {
                partials.add(reducer.reduce(record.headers(), record.value(), pickedUpAt));
            }
            return partials;
        }
        List<Future<Partial>> futures = new ArrayList<>(batch.size());
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            futures.add(threads.submit(() -> reducer.reduce(record.headers(), record.value(), pickedUpAt)));
        }
        for (Future<Partial> future : futures) {
            try {
                partials.add(future.get());
            } catch (ExecutionException e) {
                // reduce() turns every problem with a chunk into a failed partial; this is a bug, not bad input
                throw new IllegalStateException("reducing a chunk failed unexpectedly", e.getCause());
            }
        }
        return partials;
    }

    /** Sends the partials and waits for their acknowledgement; throws if any send failed. */
    void sendAndAwait(List<Partial> partials) throws ExecutionException, InterruptedException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(partials.size());
        for (Partial partial : partials) {
            acks.add(producer.send(new ProducerRecord<>(topics.partials(),
                    partial.job().getBytes(StandardCharsets.UTF_8), Json.encode(partial))));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
    }

    @Override
    public void close() {
        if (threads != null) {
            threads.shutdownNow();
        }
        producer.close();
    }
}
