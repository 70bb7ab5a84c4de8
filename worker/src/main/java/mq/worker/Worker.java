package mq.worker;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mq.common.kafka.ClientFactory;
import mq.common.kafka.PositionsOnAssign;
import mq.common.protocol.Topics;
import mq.worker.reduce.ChunkReducer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker in a consumer group: take chunks, reduce them on T threads, send the partial results,
 * and only when the broker has acknowledged every partial, commit the chunks' offsets.
 *
 * <p>If the process dies anywhere in between, its uncommitted chunks go to another member of the
 * group and are reduced again; the aggregator ignores the duplicate partials that this can cause.
 * So nothing is lost and nothing is counted twice.
 */
public final class Worker extends WorkerLoop<Consumer<byte[], byte[]>> {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    /** Offsets confirmed (their partials acknowledged) whose asynchronous commit has not been seen to succeed. */
    private final Map<TopicPartition, OffsetAndMetadata> notYetCommitted = new HashMap<>();

    public Worker(ClientFactory<Consumer<byte[], byte[]>> consumers, Producer<byte[], byte[]> producer, Topics topics,
                  String workerId, int threadCount, ChunkReducer reducer, MeterRegistry meters) {
        super(consumers, producer, topics, workerId, threadCount, reducer, meters);
    }

    @Override
    protected void subscribe() {
        consumer().subscribe(List.of(topics.chunks()), new PositionsOnAssign(consumer(), "worker " + workerId));
    }

    @Override
    protected ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
        return consumer().poll(timeout);
    }

    @Override
    protected boolean confirm(List<ConsumerRecord<byte[], byte[]>> chunks, Set<ConsumerRecord<byte[], byte[]>> dead,
                              boolean sent) {
        if (!sent) {
            rewind(chunks);
            return false;
        }
        // Asynchronous: the partials are acknowledged already, so the commit only shortens what a crash
        // redoes, and waiting for it cost a round trip per batch while chunks queued up. Commits are sent
        // in order; one that fails (an asynchronous commit is not retried, e.g. after a rebalance) is
        // covered by the next, or by the synchronous commit when the worker falls idle (see idle()).
        Map<TopicPartition, OffsetAndMetadata> offsets = nextOffsets(chunks);
        offsets.forEach((partition, offset) -> notYetCommitted.merge(partition, offset, Worker::later));
        consumer().commitAsync(offsets, (committed, e) -> {
            if (e == null) {
                committed.forEach((partition, offset) -> notYetCommitted.remove(partition, offset));
            } else {
                LOG.info("worker {}: an asynchronous commit failed ({}); the next one covers it", workerId, e.getMessage());
            }
        });
        return true;
    }

    /**
     * Nothing to do: make sure what was confirmed is committed, so that a failed asynchronous commit
     * at the end of a job does not leave its last chunks to be redone by the next owner (and shown as
     * lag meanwhile). Partitions taken away since are left to their new owner.
     */
    @Override
    protected void idle() {
        notYetCommitted.keySet().retainAll(consumer().assignment());
        if (notYetCommitted.isEmpty()) {
            return;
        }
        try {
            consumer().commitSync(Map.copyOf(notYetCommitted));
            notYetCommitted.clear();
        } catch (RetriableException e) {
            LOG.info("worker {}: commit failed ({}); trying again when next idle", workerId, e.getMessage());
        } catch (KafkaException e) {
            if (e instanceof WakeupException) {
                throw e;
            }
            // Not retriable (the group moved on): whoever owns these partitions now redoes the chunks.
            LOG.warn("worker {}: commit failed ({}); another member may redo these chunks", workerId, e.getMessage());
            notYetCommitted.clear();
        }
    }

    private static OffsetAndMetadata later(OffsetAndMetadata a, OffsetAndMetadata b) {
        return a.offset() >= b.offset() ? a : b;
    }

    /**
     * Goes back to the first record of the batch on each partition, so the next poll returns them again.
     * A partition this worker no longer owns, or whose position the consumer is still resetting (both
     * happen when the broker went away while the batch was out), is left alone: whoever reads it next
     * starts from its committed offset, at or before the batch, so the chunks are redone all the same.
     */
    private void rewind(List<ConsumerRecord<byte[], byte[]>> chunks) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : chunks) {
            first.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
        }
        Set<TopicPartition> owned = consumer().assignment();
        first.forEach((partition, offset) -> {
            if (!owned.contains(partition)) {
                return;
            }
            try {
                consumer().seek(partition, offset);
            } catch (IllegalStateException e) {
                LOG.info("worker {}: {} has no position to rewind ({}); it restarts from its committed offset",
                        workerId, partition, e.getMessage());
            }
        });
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<ConsumerRecord<byte[], byte[]>> chunks) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : chunks) {
            offsets.merge(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1), Worker::later);
        }
        return offsets;
    }

    @Override
    protected void wakeUpConsumer() {
        consumer().wakeup();
    }
}
