package mq.worker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mq.common.concurrent.DaemonThreads;
import mq.common.protocol.Json;
import mq.common.protocol.Limits;
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
        this.threads = threadCount == 1 ? null : Executors.newFixedThreadPool(threadCount,
                DaemonThreads.named(workerId + "-reduce"));
    }

    /**
     * A batch reduced: one partial per chunk that names its job, and the chunks that break the
     * protocol with the reason (dead letters; a dead chunk that names a valid job also has a failed
     * partial, so its job fails with that reason).
     */
    record Reduced(List<Partial> partials, Map<ConsumerRecord<byte[], byte[]>, String> dead) {
    }

    Reduced reduce(List<ConsumerRecord<byte[], byte[]>> batch, long pickedUpAt) throws InterruptedException {
        Map<ConsumerRecord<byte[], byte[]>, String> dead = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            String problem = ChunkReducer.check(record.headers());
            if (problem != null) {
                dead.put(record, problem);
            }
        }
        List<Partial> partials = new ArrayList<>(batch.size());
        if (threads == null) {
            for (ConsumerRecord<byte[], byte[]> record : batch) {
                addIfAny(partials, reducer.reduce(record.headers(), record.value(), pickedUpAt));
            }
            return new Reduced(partials, dead);
        }
        List<Future<Partial>> futures = new ArrayList<>(batch.size());
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            futures.add(threads.submit(() -> reducer.reduce(record.headers(), record.value(), pickedUpAt)));
        }
        for (Future<Partial> future : futures) {
            try {
                addIfAny(partials, future.get());
            } catch (ExecutionException e) {
                // reduce() turns every problem with a chunk into a failed partial; this is a bug, not bad input
                throw new IllegalStateException("reducing a chunk failed unexpectedly", e.getCause());
            }
        }
        return new Reduced(partials, dead);
    }

    private static void addIfAny(List<Partial> partials, Partial partial) {
        if (partial != null) {
            partials.add(partial);
        }
    }

    /**
     * The partial as it will travel, or a failed partial saying why when it would exceed the message
     * limit: a chunk of many distinct long records can make a partial larger than the chunk. Failing
     * the job with that reason beats a send that can never succeed being retried forever.
     */
    static byte[] encodeWithinLimit(Partial partial) {
        byte[] bytes = Json.encode(partial);
        int largest = Limits.current().maxPartialBytes();
        if (bytes.length <= largest) {
            return bytes;
        }
        return Json.encode(new Partial(partial.job(), partial.chunk(), partial.worker(), partial.kind(), partial.records(),
                partial.bytes(), partial.crc32c(), partial.producedAt(), partial.pickedUpAt(), partial.doneAt(),
                partial.busyNanos(), null, null, 0, List.of(),
                "the partial result of chunk " + partial.chunk() + " would be " + bytes.length + " bytes, over the limit of "
                        + largest + ": run the job with a smaller --chunk-size", partial.owner(), partial.protocol()));
    }

    /** The failed partials to send instead of a batch whose partials the broker refused for good. */
    static List<Partial> failedInstead(List<Partial> partials, String reason) {
        return partials.stream().map(p -> new Partial(p.job(), p.chunk(), p.worker(), p.kind(), p.records(), p.bytes(),
                p.crc32c(), p.producedAt(), p.pickedUpAt(), p.doneAt(), p.busyNanos(), null, null, 0, List.of(),
                "the worker could not send the partial result of chunk " + p.chunk() + ": " + reason, p.owner(),
                p.protocol())).toList();
    }

    /** Sends the partials and waits for their acknowledgement; throws if any send failed. */
    void sendAndAwait(List<Partial> partials) throws ExecutionException, InterruptedException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(partials.size());
        for (Partial partial : partials) {
            acks.add(producer.send(new ProducerRecord<>(topics.partials(),
                    partial.job().getBytes(StandardCharsets.UTF_8), encodeWithinLimit(partial))));
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
