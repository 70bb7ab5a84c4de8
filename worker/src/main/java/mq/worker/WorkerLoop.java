package mq.worker;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mq.common.kafka.ClientFactory;
import mq.common.kafka.DeadLetters;
import mq.common.kafka.ReplaceableConsumer;
import mq.common.protocol.Partial;
import mq.common.protocol.Topics;
import mq.worker.reduce.ChunkReducer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of a worker, whatever kind of group it is in: subscribe, then poll, reduce, send and
 * confirm until closed; stop from any thread with {@link #close}. Subclasses say how to subscribe,
 * poll and confirm (commit offsets, or acknowledge records).
 */
public abstract sealed class WorkerLoop<C extends Closeable> implements Runnable permits Worker, ShareWorker {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerLoop.class);
    private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);
    private static final Duration RETRY_BACKOFF = Duration.ofSeconds(1);

    protected final String workerId;
    protected final Topics topics;
    private final ChunkBatch batches;
    private final WorkerMetrics metrics;
    private final DeadLetters deadLetters;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closing;
    private volatile long chunksDone;
    private final ReplaceableConsumer<C> consumer;

    WorkerLoop(ClientFactory<C> consumers, Producer<byte[], byte[]> producer, Topics topics, String workerId,
               int threadCount, ChunkReducer reducer, MeterRegistry meters) {
        this.consumer = new ReplaceableConsumer<>(consumers, "worker " + workerId);
        this.workerId = workerId;
        this.topics = topics;
        this.batches = new ChunkBatch(producer, topics, workerId, threadCount, reducer);
        this.metrics = new WorkerMetrics(meters, workerId);
        this.deadLetters = new DeadLetters(producer, topics.dead(), "worker " + workerId);
    }

    protected abstract void subscribe();

    protected abstract ConsumerRecords<byte[], byte[]> poll(Duration timeout);

    /**
     * Called once the batch's partials are sent: {@code sent} says whether the broker acknowledged
     * all of them. Confirms the chunks if so (the dead letters among them too: they are written and
     * must not come back), gives them back for redelivery if not. Returns whether the chunks now
     * count as done.
     */
    protected abstract boolean confirm(List<ConsumerRecord<byte[], byte[]>> chunks,
                                       Set<ConsumerRecord<byte[], byte[]>> dead, boolean sent);

    protected abstract void wakeUpConsumer();

    /** Called when a poll brought nothing: a moment for housekeeping that must not slow a busy loop. */
    protected void idle() {
    }

    /** The consumer in use: a new one after a failure, so never keep it beyond a call. */
    protected final C consumer() {
        return consumer.get();
    }

    @Override
    public final void run() {
        try {
            subscribe();
            LOG.info("worker {} polling {}", workerId, topics.chunks());
            while (!closing) {
                try {
                    ConsumerRecords<byte[], byte[]> records = poll(POLL_TIMEOUT);
                    if (records.isEmpty()) {
                        idle();
                    } else if (handle(records)) {
                        consumer.progressed();
                    }
                } catch (WakeupException e) {
                    if (!closing) {
                        throw e;
                    }
                } catch (AuthorizationException | UnsupportedVersionException e) {
                    LOG.error("worker {} cannot go on: {}", workerId, e.getMessage());
                    throw e;
                } catch (KafkaException | IllegalStateException e) {
                    if (!closing) {
                        replaceConsumer(e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: the batch in hand stays unconfirmed and is redone
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

    /**
     * The consumer threw what no retry inside it handles: throw it away and join the group with a new
     * one, after a delay that doubles while failures repeat. The batch in hand was not confirmed, so
     * its chunks come back (to this worker or another) from the committed offsets and are redone; the
     * aggregator drops any duplicate partial.
     */
    private void replaceConsumer(RuntimeException failure) throws InterruptedException {
        Duration delay = consumer.nextDelay();
        LOG.error("worker {}: its consumer failed ({}); the chunks in hand will be redone; a new consumer joins in {} s",
                workerId, failure.toString(), delay.toSeconds(), failure);
        consumer.closeFailed();
        if (!consumer.reopenAfter(delay)) {
            return;
        }
        metrics.consumerRestarted();
        subscribe();
    }

    /** Reduces, sends and confirms one batch; returns whether it was confirmed. */
    private boolean handle(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        long pickedUpAt = System.currentTimeMillis();
        List<ConsumerRecord<byte[], byte[]>> chunks = new ArrayList<>(records.count());
        records.forEach(chunks::add);
        ChunkBatch.Reduced reduced = batches.reduce(chunks, pickedUpAt);
        boolean sent = send(reduced.partials());
        if (sent) {
            // Only a batch that will be confirmed writes its dead letters: one given back for a retry
            // comes again and would write them again.
            reduced.dead().forEach((record, reason) -> {
                metrics.deadLetter();
                deadLetters.send(record, reason);
            });
        }
        if (confirm(chunks, reduced.dead().keySet(), sent)) {
            metrics.acknowledged(reduced.partials());
            chunksDone += chunks.size();
            return true;
        }
        Thread.sleep(RETRY_BACKOFF.toMillis()); // the broker is struggling: do not hammer it
        return false;
    }

    /**
     * Sends the partials; returns whether the broker acknowledged them all. The error tiers: a
     * retriable error (a leader moving, a timeout) gives the chunks back to be redone; an error that
     * no retry can fix (a record too large, a refused record) fails the chunks' jobs with the reason
     * instead of retrying forever.
     */
    private boolean send(List<Partial> partials) throws InterruptedException {
        try {
            batches.sendAndAwait(partials);
            return true;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RetriableException) {
                LOG.warn("worker {}: sending partial results failed ({}); the chunks will be redone", workerId, cause.getMessage());
                return false;
            }
            LOG.error("worker {}: the broker refused the partial results ({}); failing their jobs", workerId, cause.toString());
            try {
                batches.sendAndAwait(ChunkBatch.failedInstead(partials, cause.toString()));
                return true;
            } catch (ExecutionException again) {
                LOG.error("worker {}: cannot even send failed partials ({}); the chunks will be redone", workerId,
                        again.getCause().toString());
                return false;
            }
        }
    }

    public final long chunksDone() {
        return chunksDone;
    }

    /** Stops the loop from any thread and waits for it to close its clients. */
    public final void close(Duration timeout) throws InterruptedException {
        closing = true;
        consumer.stop();
        wakeUpConsumer();
        if (!stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("worker {} did not stop within {}", workerId, timeout);
        }
    }
}
