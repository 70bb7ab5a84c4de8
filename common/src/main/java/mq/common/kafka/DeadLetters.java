package mq.common.kafka;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import mq.common.protocol.Terminal;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dead-letter path: a message that breaks the protocol is copied, key, value and headers
 * unchanged, to the dead-letter topic with headers saying where it came from and why, so that the
 * role can commit past it and go on. Nothing that arrives can stop a role.
 */
public final class DeadLetters {
    public static final String SOURCE_TOPIC = "mq-dead-topic";
    public static final String SOURCE_PARTITION = "mq-dead-partition";
    public static final String SOURCE_OFFSET = "mq-dead-offset";
    public static final String ROLE = "mq-dead-role";
    public static final String REASON = "mq-dead-reason";
    public static final String AT = "mq-dead-at";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final String role;

    public DeadLetters(Producer<byte[], byte[]> producer, String topic, String role) {
        this.producer = producer;
        this.topic = topic;
        this.role = role;
    }

    /**
     * Sends the record to the dead-letter topic and waits for the broker. Never throws: if even the
     * dead letter cannot be written, the log line (topic, partition, offset, reason) is the record of it.
     */
    public void send(ConsumerRecord<byte[], byte[]> record, String reason) {
        String safeReason = Terminal.escape(reason);
        LOG.warn("{}: dead letter from {}-{}@{}: {}", role, record.topic(), record.partition(), record.offset(), safeReason);
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        put(headers, SOURCE_TOPIC, record.topic());
        put(headers, SOURCE_PARTITION, Integer.toString(record.partition()));
        put(headers, SOURCE_OFFSET, Long.toString(record.offset()));
        put(headers, ROLE, role);
        put(headers, REASON, safeReason);
        put(headers, AT, Long.toString(System.currentTimeMillis()));
        try {
            producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            LOG.error("{}: cannot write the dead letter from {}-{}@{} to {}: {}", role, record.topic(), record.partition(),
                    record.offset(), topic, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void put(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
