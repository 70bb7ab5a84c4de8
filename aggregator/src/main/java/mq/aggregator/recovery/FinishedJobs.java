package mq.aggregator.recovery;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mq.common.protocol.Json;
import mq.common.protocol.MalformedMessageException;
import mq.common.protocol.ResultMessage;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs that already have a final report, with their status. A finished job never reopens: a
 * late or replayed partial of it is a duplicate, and it never gets a second final. Rebuilt at
 * start-up from the results topic, which holds every final ever published, so the memory survives
 * restarts without any state of the aggregator's own.
 */
public final class FinishedJobs {
    private static final Logger LOG = LoggerFactory.getLogger(FinishedJobs.class);
    /** Enough for weeks of jobs; the oldest are forgotten first (their late partials are then dead letters at worst). */
    static final int REMEMBERED = 100_000;

    private final Map<String, String> statusByJob = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    public boolean contains(String job) {
        return statusByJob.containsKey(job);
    }

    public Optional<String> status(String job) {
        return Optional.ofNullable(statusByJob.get(job));
    }

    public void add(String job, String status) {
        statusByJob.put(job, status);
    }

    public int size() {
        return statusByJob.size();
    }

    /**
     * Reads the results topic from its beginning to its current end with {@code consumer} assigned
     * (not subscribed) to it, then unassigns it, so the same consumer can subscribe afterwards.
     */
    public static FinishedJobs readFrom(Consumer<byte[], byte[]> consumer, String resultsTopic, Duration timeout) {
        FinishedJobs finished = new FinishedJobs();
        List<TopicPartition> partitions = consumer.partitionsFor(resultsTopic, timeout).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        if (partitions.isEmpty()) {
            return finished;
        }
        consumer.assign(partitions);
        try {
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, end) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    finished.read(record);
                }
            }
            if (!reached(consumer, end)) {
                LOG.warn("read only part of {} within {}: jobs finished earlier may be reported again", resultsTopic, timeout);
            }
        } finally {
            consumer.unsubscribe();
        }
        LOG.info("{} finished jobs known from {}", finished.size(), resultsTopic);
        return finished;
    }

    private void read(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            if (Json.decode(record.value(), ResultMessage.class) instanceof ResultMessage.Final result
                    && result.job() != null && result.report() != null) {
                add(result.job(), result.report().status());
            }
        } catch (MalformedMessageException e) {
            LOG.debug("not a result at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private static boolean reached(Consumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
