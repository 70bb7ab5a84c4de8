package mq.lab.chaos;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import mq.common.kafka.ClientSettings;
import mq.common.protocol.ChunkHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/** Faults made of messages: copies of chunks already sent, and messages that break the protocol. */
final class MessageFaults {
    /** What a careless or hostile client might send: bytes that are no message, nothing at all, an empty object. */
    static final List<byte[]> POISON = List.of(
            "\u0000\u00ffnot a message of this protocol\n".getBytes(StandardCharsets.ISO_8859_1),
            new byte[0],
            "{}".getBytes(StandardCharsets.UTF_8));

    private final ClientSettings client;

    MessageFaults(ClientSettings client) {
        this.client = client;
    }

    /**
     * Sends again, byte for byte with the same key, headers and partition, up to {@code max} chunks of
     * {@code job} found in {@code chunks}; returns how many.
     */
    int duplicateChunks(TopicWindow chunks, String job, int max) {
        byte[] wanted = job.getBytes(StandardCharsets.UTF_8);
        List<ConsumerRecord<byte[], byte[]>> sent = chunks.read(r -> {
            Header header = r.headers().lastHeader(ChunkHeaders.JOB);
            return header != null && java.util.Arrays.equals(header.value(), wanted);
        }, max);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(client.producer("mq-chaos-duplicates"))) {
            for (ConsumerRecord<byte[], byte[]> r : sent) {
                await(producer.send(new ProducerRecord<>(r.topic(), r.partition(), r.key(), r.value(), r.headers())));
            }
        }
        return sent.size();
    }

    /** Sends every kind of {@link #POISON} (and a tombstone) to each of {@code topics}; returns how many messages. */
    int poison(List<String> topics) {
        int sent = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(client.producer("mq-chaos-poison"))) {
            byte[] key = "poison".getBytes(StandardCharsets.UTF_8);
            for (String topic : topics) {
                for (byte[] value : POISON) {
                    await(producer.send(new ProducerRecord<>(topic, key, value)));
                    sent++;
                }
                await(producer.send(new ProducerRecord<>(topic, key, null)));
                sent++;
            }
        }
        return sent;
    }

    private static void await(java.util.concurrent.Future<?> sent) {
        try {
            sent.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send a fault's message: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a fault's message", e);
        }
    }
}
