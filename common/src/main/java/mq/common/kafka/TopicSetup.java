package mq.common.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import mq.common.protocol.Topics;

/** Creates the system's topics when they are missing; every role calls it, so start order does not matter. */
public final class TopicSetup {
    private TopicSetup() {
    }

    public static void ensure(Admin admin, Topics topics, int chunkPartitions) {
        Map<String, String> config = Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(ClientSettings.MAX_MESSAGE_BYTES));
        List<NewTopic> wanted = new ArrayList<>();
        wanted.add(new NewTopic(topics.chunks(), chunkPartitions, (short) -1).configs(config));
        // Partials, job events and results are few and small; one partition keeps a job's events in order.
        wanted.add(new NewTopic(topics.partials(), 1, (short) -1).configs(config));
        wanted.add(new NewTopic(topics.jobs(), 1, (short) -1).configs(config));
        // Results are compacted by job id: what stays of a job is its last message, the final, so a
        // long-running aggregator reads one message per finished job at start-up (FinishedJobs), not
        // every progress message since the topic began. Hour-long segments let the cleaner get to them.
        wanted.add(new NewTopic(topics.results(), 1, (short) -1).configs(Map.of(
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(ClientSettings.MAX_MESSAGE_BYTES),
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.SEGMENT_MS_CONFIG, Long.toString(3600_000L))));
        // Heartbeats matter for a minute; an hour of them is plenty.
        wanted.add(new NewTopic(topics.workers(), 1, (short) -1).configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "3600000")));
        // Dead letters are evidence: as large as any message they quote, kept a week.
        wanted.add(new NewTopic(topics.dead(), 1, (short) -1).configs(Map.of(
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(ClientSettings.MAX_MESSAGE_BYTES + 64 * 1024),
                TopicConfig.RETENTION_MS_CONFIG, Long.toString(7L * 24 * 3600 * 1000))));
        try {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            wanted.removeIf(topic -> existing.contains(topic.name()));
            if (wanted.isEmpty()) {
                return;
            }
            admin.createTopics(wanted).values().forEach((name, future) -> {
                try {
                    future.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name + ": " + e.getCause().getMessage(), e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while creating topic " + name, e);
                } catch (TimeoutException e) {
                    throw new IllegalStateException("the broker did not create topic " + name + " within 30 s", e);
                }
            });
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list topics: is the broker at the bootstrap address running? " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing topics", e);
        }
    }
}
