package mq.aggregator.decode;

import mq.common.protocol.JobEvent;
import mq.common.protocol.MessageRules;
import mq.common.protocol.Partial;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One record's decoding outcome, kept so that decoding can run on any thread and its result be
 * handled later on the aggregator's: the job event or partial, or what decoding threw (a
 * {@link mq.common.protocol.MalformedMessageException} for a message that breaks the protocol).
 */
public final class DecodedMessage {
    private final ConsumerRecord<byte[], byte[]> record;
    private final Object message;
    private final Throwable failure;

    private DecodedMessage(ConsumerRecord<byte[], byte[]> record, Object message, Throwable failure) {
        this.record = record;
        this.message = message;
        this.failure = failure;
    }

    /**
     * Decodes a record of the jobs topic as a job event and any other as a partial. Pure: it reads
     * only the record, so any number of threads may call it at once.
     */
    public static DecodedMessage decode(ConsumerRecord<byte[], byte[]> record, String jobsTopic) {
        try {
            Object message = record.topic().equals(jobsTopic)
                    ? MessageRules.jobEvent(record.value())
                    : MessageRules.partial(record.value());
            return new DecodedMessage(record, message, null);
        } catch (RuntimeException | Error e) {
            // Kept, not thrown: the aggregator's thread decides what it means, in the poll's order.
            return new DecodedMessage(record, null, e);
        }
    }

    public ConsumerRecord<byte[], byte[]> record() {
        return record;
    }

    /**
     * The decoded {@link JobEvent} or {@link Partial}; throws what decoding threw, so that the
     * caller handles a failure exactly where a decode on its own thread would have thrown it.
     */
    public Object message() {
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return message;
    }

    /** What decoding threw, or null. */
    public Throwable failure() {
        return failure;
    }

    @Override
    public String toString() {
        return record.topic() + "-" + record.partition() + "@" + record.offset() + ": "
                + (failure != null ? failure : message);
    }
}
