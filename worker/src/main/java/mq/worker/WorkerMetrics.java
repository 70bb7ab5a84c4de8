package mq.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mq.common.protocol.Partial;

/**
 * A worker's meters, in base units, tagged with the worker's id only (never a job or chunk id).
 * Counted when a batch's partials are acknowledged, so a chunk redone after a crash counts again
 * on the worker that redid it (the aggregator counts the duplicate it drops).
 */
public final class WorkerMetrics {
    private final Counter chunks;
    private final Counter records;
    private final Counter bytes;
    private final Counter badRecords;
    private final Counter partialsSent;
    private final Counter deadLetters;
    private final Counter consumerRestarts;
    private final Timer processing;
    private final Timer queueWait;

    public WorkerMetrics(MeterRegistry registry, String workerId) {
        Tags tags = Tags.of("worker", workerId);
        chunks = Counter.builder("mq.chunks.processed").tags(tags)
                .description("Chunks reduced and their partial results acknowledged").register(registry);
        records = Counter.builder("mq.records.processed").tags(tags)
                .description("Records in the chunks processed, good and bad").register(registry);
        bytes = Counter.builder("mq.chunk.bytes").baseUnit("bytes").tags(tags)
                .description("Size of the chunk bodies processed").register(registry);
        badRecords = Counter.builder("mq.records.bad").tags(tags)
                .description("Lines that could not be read as records").register(registry);
        partialsSent = Counter.builder("mq.partials.sent").tags(tags)
                .description("Partial results sent and acknowledged").register(registry);
        deadLetters = Counter.builder("mq.dead.letters").tags(tags).tag("role", "worker")
                .description("Chunk messages that broke the protocol, sent to the dead-letter topic").register(registry);
        consumerRestarts = Counter.builder("mq.worker.consumer.restarts").tags(tags)
                .description("Times a consumer that failed was closed and a new one joined in its place").register(registry);
        processing = latency("mq.chunk.processing", "Time reducing one chunk", tags, registry);
        queueWait = latency("mq.chunk.queue.wait", "From the producer sending a chunk to a worker receiving it", tags, registry);
    }

    private static Timer latency(String name, String description, Tags tags, MeterRegistry registry) {
        return Timer.builder(name).tags(tags).description(description)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
    }

    void deadLetter() {
        deadLetters.increment();
    }

    void consumerRestarted() {
        consumerRestarts.increment();
    }

    /** Records a batch of partials that the broker has acknowledged. */
    void acknowledged(List<Partial> partials) {
        for (Partial partial : partials) {
            chunks.increment();
            records.increment(partial.records());
            bytes.increment(partial.bytes());
            badRecords.increment(partial.badCount());
            processing.record(partial.busyNanos(), TimeUnit.NANOSECONDS);
            queueWait.record(Math.max(0, partial.pickedUpAt() - partial.producedAt()), TimeUnit.MILLISECONDS);
        }
        partialsSent.increment(partials.size());
    }
}
