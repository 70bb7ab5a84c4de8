package mq.aggregator.live;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import mq.common.protocol.Json;
import mq.common.protocol.MalformedMessageException;
import mq.common.protocol.WorkerHeartbeat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the workers' heartbeats on its own thread, without joining a group (nothing to commit:
 * it starts from the last {@link #LOOK_BACK} on every start, enough to know every live worker).
 */
public final class HeartbeatFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HeartbeatFeed.class);
    /** Longer than the dead-worker rule, so a restarted aggregator sees dead workers as dead at once. */
    static final Duration LOOK_BACK = Duration.ofSeconds(60);

    private final org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer;
    private final String topic;
    private final Consumer<WorkerHeartbeat> sink;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closing;

    private HeartbeatFeed(org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer, String topic,
                          Consumer<WorkerHeartbeat> sink) {
        this.consumer = consumer;
        this.topic = topic;
        this.sink = sink;
    }

    /** Starts reading {@code topic} on a daemon thread; takes ownership of {@code consumer}. */
    public static HeartbeatFeed start(org.apache.kafka.clients.consumer.Consumer<byte[], byte[]> consumer, String topic,
                                      Consumer<WorkerHeartbeat> sink) {
        HeartbeatFeed feed = new HeartbeatFeed(consumer, topic, sink);
        Thread thread = new Thread(feed::run, "heartbeats");
        thread.setDaemon(true);
        thread.start();
        return feed;
    }

    private void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            seekToLookBack(partitions);
            while (!closing) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    try {
                        sink.accept(Json.decode(record.value(), WorkerHeartbeat.class));
                    } catch (MalformedMessageException e) {
                        LOG.debug("skipping a malformed heartbeat at {}-{}@{}", record.topic(), record.partition(), record.offset());
                    }
                }
            }
        } catch (WakeupException e) {
            if (!closing) {
                LOG.warn("heartbeat reader woken up unexpectedly", e);
            }
        } catch (KafkaException e) {
            LOG.warn("the live page sees no heartbeats: cannot read {}: {}", topic, e.toString());
        } finally {
            consumer.close();
            stopped.countDown();
        }
    }

    private void seekToLookBack(List<TopicPartition> partitions) {
        long since = System.currentTimeMillis() - LOOK_BACK.toMillis();
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(partition -> query.put(partition, since));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        for (TopicPartition partition : partitions) {
            OffsetAndTimestamp at = found.get(partition);
            consumer.seek(partition, at != null ? at.offset() : ends.get(partition));
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        consumer.wakeup();
        stopped.await(10, TimeUnit.SECONDS);
    }
}
