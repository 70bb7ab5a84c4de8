package mq.lab.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import mq.common.kafka.ClientSettings;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * A topic's messages from a moment on: its end offsets are noted when the window opens, and
 * everything after them can be counted or read. A topic that does not exist yet opens empty
 * (its messages then all count).
 */
final class TopicWindow {
    private final ClientSettings client;
    private final String topic;
    private final Map<TopicPartition, Long> start;

    private TopicWindow(ClientSettings client, String topic, Map<TopicPartition, Long> start) {
        this.client = client;
        this.topic = topic;
        this.start = start;
    }

    static TopicWindow open(ClientSettings client, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(client.reader("mq-chaos-window"))) {
            return new TopicWindow(client, topic, new HashMap<>(consumer.endOffsets(partitions(consumer, topic))));
        }
    }

    String topic() {
        return topic;
    }

    /** Messages produced since the window opened. */
    long count() {
        try (Counter counter = counter()) {
            return counter.count();
        }
    }

    /** Counts again and again on one client, for polling while a job runs. */
    Counter counter() {
        return new Counter(new KafkaConsumer<>(client.reader("mq-chaos-counter")));
    }

    final class Counter implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final List<TopicPartition> partitions;

        private Counter(KafkaConsumer<byte[], byte[]> consumer) {
            this.consumer = consumer;
            this.partitions = partitions(consumer, topic);
        }

        long count() {
            long total = 0;
            for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(partitions).entrySet()) {
                total += end.getValue() - start.getOrDefault(end.getKey(), 0L);
            }
            return total;
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    /** Messages keyed {@code key} since the window opened (the partials of one job are keyed by its id). */
    long countKeyed(String key) {
        byte[] wanted = key.getBytes(StandardCharsets.UTF_8);
        return read(r -> r.key() != null && java.util.Arrays.equals(r.key(), wanted), Integer.MAX_VALUE).size();
    }

    /** Up to {@code max} messages since the window opened that {@code filter} keeps, in partition order. */
    List<ConsumerRecord<byte[], byte[]>> read(Predicate<ConsumerRecord<byte[], byte[]>> filter, int max) {
        List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(client.reader("mq-chaos-window"))) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, start.getOrDefault(p, 0L)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < max && System.nanoTime() < deadline
                    && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() < end.get(tp) && filter.test(r) && found.size() < max) {
                        found.add(r);
                    }
                }
            }
        }
        return found;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.listTopics(Duration.ofSeconds(30)).get(topic);
        return infos == null ? List.of() : infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
    }
}
