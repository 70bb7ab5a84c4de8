package mq.aggregator.decode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import mq.common.concurrent.DaemonThreads;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes a poll's records on several threads and hands back their outcomes in the poll's order,
 * for the aggregator's thread to handle one by one as before. Decoding a records partial (every
 * latest record's JSON inside the partial's JSON) costs more CPU than the merge that follows it,
 * so this is the part of the aggregator's work that can run in parallel; the merge stays on one
 * thread and in order.
 *
 * <p>The calling thread decodes too, taking the next undecoded record like the helpers do, so a
 * batch never waits for a helper to be scheduled: helpers that start late find nothing left. A
 * batch with at most one partial, or with partials too small to be worth it (numbers jobs), is
 * decoded on the calling thread alone: handing a batch off costs a few microseconds, which
 * doubled the time of a batch of two numbers partials ({@code BatchDecoding} in labs/bench). One
 * decoder serves every consumer the aggregator opens, and {@link #close()} stops its threads.
 */
public final class BatchDecoder implements AutoCloseable {
    /** Decoding threads including the caller's: a few, since the merge on one thread still follows. */
    public static final int DEFAULT_THREADS = Math.min(4, Runtime.getRuntime().availableProcessors());

    /**
     * The partials' bytes below which a batch stays on the calling thread: decoding that much JSON
     * takes tens of microseconds, ten times the hand-off.
     */
    static final int MIN_PARALLEL_BYTES = 16 * 1024;

    private final String jobsTopic;
    private final int helpers;
    private final ExecutorService pool;

    /** @param threads decoding threads including the caller's; 1 decodes every batch on the caller's thread */
    public BatchDecoder(String jobsTopic, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("decoding needs at least one thread, got " + threads);
        }
        this.jobsTopic = jobsTopic;
        this.helpers = threads - 1;
        this.pool = helpers == 0 ? null : Executors.newFixedThreadPool(helpers, DaemonThreads.numbered("aggregator-decode-"));
    }

    /**
     * How many records to decode at once: enough for every thread to take a few (so that one slow
     * partial does not leave the others idle), few enough that the decoded partials waiting for
     * their merge stay a small part of the heap.
     */
    public int window() {
        return (helpers + 1) * 4;
    }

    /** The records' decoding outcomes, in their order. */
    public List<DecodedMessage> decode(List<ConsumerRecord<byte[], byte[]>> records) {
        if (pool == null || !worthHandingOff(records)) {
            List<DecodedMessage> decoded = new ArrayList<>(records.size());
            for (ConsumerRecord<byte[], byte[]> record : records) {
                decoded.add(DecodedMessage.decode(record, jobsTopic));
            }
            return decoded;
        }
        return decodeInParallel(records);
    }

    private List<DecodedMessage> decodeInParallel(List<ConsumerRecord<byte[], byte[]>> records) {
        DecodedMessage[] decoded = new DecodedMessage[records.size()];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(records.size());
        Runnable takeRecords = () -> {
            for (int i = next.getAndIncrement(); i < decoded.length; i = next.getAndIncrement()) {
                decoded[i] = DecodedMessage.decode(records.get(i), jobsTopic); // never throws: outcomes are kept
                done.countDown();
            }
        };
        int wanted = Math.min(helpers, records.size() - 1);
        try {
            for (int i = 0; i < wanted; i++) {
                pool.execute(takeRecords);
            }
        } catch (RejectedExecutionException closed) {
            // Closed meanwhile: the calling thread decodes what no helper took.
        }
        takeRecords.run();
        awaitHelpers(done);
        return Arrays.asList(decoded);
    }

    /** Waits for the records helpers are still decoding; the latch also publishes their results to this thread. */
    private static void awaitHelpers(CountDownLatch done) {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // a record in hand is decoded within milliseconds: finish, then keep the flag
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Two partials at least, large enough together for their decoding to outweigh the hand-off. */
    private boolean worthHandingOff(List<ConsumerRecord<byte[], byte[]>> records) {
        int partials = 0;
        long bytes = 0;
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (!record.topic().equals(jobsTopic)) {
                partials++;
                bytes += record.value() == null ? 0 : record.value().length;
            }
        }
        return partials > 1 && bytes >= MIN_PARALLEL_BYTES;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
