package mq.producer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mq.common.concurrent.DaemonThreads;
import mq.common.protocol.JobEvent;
import mq.common.protocol.Json;
import mq.common.protocol.ProtocolVersion;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an {@code alive} event for a job at a fixed rate while its chunks are being sent, so that
 * the aggregator tells a producer that died or froze from one that is merely slow within seconds,
 * not at the job timeout. A separate thread on purpose: a producer stuck anywhere stops saying so.
 */
final class AliveEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AliveEvents.class);

    private final ScheduledExecutorService timer;

    AliveEvents(Producer<byte[], byte[]> producer, String jobsTopic, String job, String owner, Duration every) {
        timer = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("alive-" + job));
        byte[] key = job.getBytes(StandardCharsets.UTF_8);
        timer.scheduleAtFixedRate(() -> {
            try {
                producer.send(new ProducerRecord<>(jobsTopic, key, Json.encode(
                        new JobEvent.Alive(job, System.currentTimeMillis(), owner, ProtocolVersion.CURRENT))));
            } catch (RuntimeException e) {
                LOG.warn("cannot send the alive event of job {}: {}", job, e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
