package mq.worker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import mq.common.protocol.Json;
import mq.common.protocol.Topics;
import mq.common.protocol.WorkerHeartbeat;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes a worker's heartbeat every few seconds, for {@code mq status}; failures are logged, never fatal. */
public final class Heartbeats implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeats.class);
    public static final Duration EVERY = Duration.ofSeconds(3);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "heartbeats");
        thread.setDaemon(true);
        return thread;
    });

    public Heartbeats(Producer<byte[], byte[]> producer, Topics topics, String workerId, String group,
                      GroupType groupType, int threads, LongSupplier chunksDone) {
        long startedAt = System.currentTimeMillis();
        scheduler.scheduleAtFixedRate(() -> {
            WorkerHeartbeat beat = new WorkerHeartbeat(workerId, group, groupType.optionName(), threads,
                    chunksDone.getAsLong(), startedAt, System.currentTimeMillis());
            producer.send(new ProducerRecord<>(topics.workers(), workerId.getBytes(StandardCharsets.UTF_8), Json.encode(beat)),
                    (metadata, error) -> {
                        if (error != null) {
                            LOG.debug("heartbeat of {} not sent: {}", workerId, error.getMessage());
                        }
                    });
        }, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
