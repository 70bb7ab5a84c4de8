package mq.launcher;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import mq.common.kafka.ClientSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Topics a benchmark creates for one measurement and deletes after it. They are written to at once,
 * so creating one waits until its message size limit is in force: a broker can report the
 * partitions ready a moment before the topic's configuration, and a chunk sent in that moment is
 * rejected as too large, split and resent, which the idempotent producer then refuses as out of order.
 */
public final class ScratchTopics {
    private static final long TIMEOUT_MS = 30_000;

    private ScratchTopics() {
    }

    public static void create(Admin admin, String topic, int partitions) throws InterruptedException {
        String limit = Integer.toString(ClientSettings.MAX_MESSAGE_BYTES);
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) -1)
                    .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, limit)))).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            long deadline = System.currentTimeMillis() + TIMEOUT_MS;
            while (true) {
                if (limit.equals(maxMessageBytes(admin, resource))) {
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
