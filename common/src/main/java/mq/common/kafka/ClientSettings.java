package mq.common.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Kafka client settings shared by every role: the bootstrap servers plus an optional client
 * properties file (SASL, TLS, ...) passed through unchanged, as Kafka's own tools do with
 * {@code --command-config}. Settings in the file win over ours, except serializers.
 */
public record ClientSettings(String bootstrap, Properties extra) {
    /** Chunks of JSON records can be several MB; this is also the topics' max.message.bytes. */
    public static final int MAX_MESSAGE_BYTES = mq.common.protocol.Limits.MAX_MESSAGE_BYTES;

    public ClientSettings {
        extra = copy(extra);
    }

    public static ClientSettings of(String bootstrap) {
        return new ClientSettings(bootstrap, new Properties());
    }

    public static ClientSettings of(String bootstrap, Path clientProperties) {
        Properties extra = new Properties();
        if (clientProperties != null) {
            try (Reader reader = Files.newBufferedReader(clientProperties)) {
                extra.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read client properties " + clientProperties, e);
            }
        }
        return new ClientSettings(bootstrap, extra);
    }

    public Properties admin(String clientId) {
        Properties props = base(clientId);
        props.putAll(extra);
        return props;
    }

    public Properties producer(String clientId) {
        Properties props = base(clientId);
        // Nothing lost: a send counts only when every in-sync replica has it; retries keep order without duplicates.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // A few ms of batching lifts throughput a lot for small messages at no visible latency cost.
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(MAX_MESSAGE_BYTES));
        props.putAll(extra);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    public Properties consumer(String groupId, String clientId) {
        Properties props = base(clientId);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // The KIP-848 protocol: the broker assigns partitions incrementally, so joins and crashes stall others less.
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        // Offsets are committed by hand, only after the work they stand for is acknowledged.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A new group starts at the end; PositionsOnAssign commits that position at once (see there).
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(MAX_MESSAGE_BYTES));
        props.putAll(extra);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    /** A member of a share group (KIP-932) that acknowledges each record explicitly. */
    public Properties shareConsumer(String groupId, String clientId) {
        Properties props = base(clientId);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        // Explicit: a chunk is accepted only after its partial result has been acknowledged by the broker.
        props.put("share.acknowledgement.mode", "explicit");
        // Never more than max.poll.records per poll: a worker holds only the chunks it can reduce at once.
        props.put("share.acquire.mode", "record_limit");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(MAX_MESSAGE_BYTES));
        props.putAll(extra);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    /** A consumer outside any group, for reading a topic from a chosen position (assign and seek). */
    public Properties reader(String clientId) {
        Properties props = base(clientId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(MAX_MESSAGE_BYTES));
        props.putAll(extra);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }

    private Properties base(String clientId) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        return props;
    }

    private static Properties copy(Properties source) {
        Properties copy = new Properties();
        if (source != null) {
            copy.putAll(source);
        }
        return copy;
    }
}
