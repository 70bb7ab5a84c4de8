package mq.common.kafka;

import java.nio.charset.StandardCharsets;
import mq.common.protocol.ChunkMeta;
import mq.common.protocol.Terminal;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One message read back from the dead-letter topic: where it came from, which role refused it and
 * why. Every text is escaped, since the original message may hold anything.
 */
public record DeadLetter(String topic, String partition, String offset, String role, String reason, long at, int valueBytes) {

    public static DeadLetter from(ConsumerRecord<byte[], byte[]> record) {
        String at = text(record, DeadLetters.AT);
        long when;
        try {
            when = at == null ? record.timestamp() : Long.parseLong(at);
        } catch (NumberFormatException e) {
            when = record.timestamp();
        }
        return new DeadLetter(text(record, DeadLetters.SOURCE_TOPIC), text(record, DeadLetters.SOURCE_PARTITION),
                text(record, DeadLetters.SOURCE_OFFSET), text(record, DeadLetters.ROLE), text(record, DeadLetters.REASON),
                when, record.value() == null ? 0 : record.value().length);
    }

    /** One line for a terminal: {@code mq.jobs-0@17 refused by aggregator: <reason>}. */
    public String describe() {
        return topic + "-" + partition + "@" + offset + " (" + valueBytes + " bytes) refused by " + role + ": " + reason;
    }

    private static String text(ConsumerRecord<byte[], byte[]> record, String header) {
        String value = ChunkMeta.header(record.headers(), header);
        return value == null ? "?" : Terminal.escape(value);
    }
}
