package mq.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import mq.common.concurrent.DaemonThreads;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lag of a consumer group on one topic, as a gauge {@code mq.group.lag}: messages between the
 * group's committed offsets and the end of each partition, summed. Measured from outside the group
 * (by the aggregator for the workers), so it is right however many members there are, or none.
 */
public final class GroupLag implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupLag.class);
    /** The gauge's name; Prometheus shows it as {@code mq_group_lag}. */
    public static final String METER = "mq.group.lag";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final Admin admin;
    private final String group;
    private final String topic;
    private final AtomicLong lag = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("group-lag"));

    /** Takes ownership of {@code admin} and closes it. */
    public GroupLag(Admin admin, String group, String topic, MeterRegistry registry, Duration every) {
        this.admin = admin;
        this.group = group;
        this.topic = topic;
        Gauge.builder(METER, lag, AtomicLong::get).tag("group", group).tag("topic", topic)
                .description("Messages on the topic that the group has not committed yet").register(registry);
        scheduler.scheduleWithFixedDelay(this::refresh, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            lag.set(measure());
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.debug("cannot measure the lag of group {} on {}: {}", group, topic, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The lag now; partitions without a committed offset count as 0 (a new group starts at the end). */
    long measure() throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> latest = description.partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .filter(p -> committed.get(p) != null)
                .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
        if (latest.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        long total = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
            total += Math.max(0, end.getValue().offset() - committed.get(end.getKey()).offset());
        }
        return total;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        scheduler.shutdownNow();
        admin.close(CALL_TIMEOUT);
    }
}
