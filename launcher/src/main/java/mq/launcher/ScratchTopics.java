package mq.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import mq.common.kafka.ClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Topics a benchmark creates for one measurement and deletes after it. They are written to at once,
 * so creating one waits until every partition has taken a write: an idempotent producer whose
 * first request to a brand-new partition is refused (the broker has not opened it yet) while its
 * second is accepted retries the first forever as out of order (KAFKA-15591). One probe record
 * (no key, empty value) per partition, sent and acknowledged, opens them all; readers skip it.
 */
public final class ScratchTopics {
    private static final long TIMEOUT_MS = 30_000;

    private ScratchTopics() {
    }

    public static void create(Admin admin, ClientSettings client, String topic, int partitions) throws InterruptedException {
        String limit = Integer.toString(ClientSettings.MAX_MESSAGE_BYTES);
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) -1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, limit)))).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            long deadline = System.currentTimeMillis() + TIMEOUT_MS;
            while (true) {
                if (limit.equals(maxMessageBytes(admin, resource))) {
                    probe(client, topic, partitions);
                    return;
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("topic " + topic + " did not get its configuration within 30 s");
                }
                Thread.sleep(20);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Whether a record is one of the probes {@link #create} wrote, not data. */
    public static boolean isProbe(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null && (record.value() == null || record.value().length == 0);
    }

    private static void probe(ClientSettings client, String topic, int partitions)
            throws InterruptedException, ExecutionException, TimeoutException {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(client.producer(topic + "-probe"))) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                sent.add(producer.send(new ProducerRecord<>(topic, p, null, new byte[0])));
            }
            for (Future<RecordMetadata> ack : sent) {
                ack.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** The topic's limit as the broker reports it, or null while the broker does not know the topic yet. */
    private static String maxMessageBytes(Admin admin, ConfigResource topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            Config config = admin.describeConfigs(List.of(topic)).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic);
            var entry = config == null ? null : config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            return entry == null ? null : entry.value();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw e;
        }
    }

    /** Deletes every topic whose name starts with {@code prefix}, waiting for the broker to accept it. */
    public static void deleteAll(Admin admin, String prefix) throws InterruptedException {
        try {
            List<String> ours = admin.listTopics().names().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).stream()
                    .filter(name -> name.startsWith(prefix)).toList();
            admin.deleteTopics(ours).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot delete the topics " + prefix + "*: " + e.getMessage(), e);
        }
    }
}
