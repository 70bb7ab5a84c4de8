package mq.aggregator;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import mq.aggregator.job.JobState;
import mq.aggregator.report.ReportBuilder;
import mq.aggregator.report.ReportFiles;
import mq.common.kafka.PositionsOnAssign;
import mq.common.protocol.JobEvent;
import mq.common.protocol.JobReport;
import mq.common.protocol.Json;
import mq.common.protocol.MalformedMessageException;
import mq.common.protocol.Partial;
import mq.common.protocol.ResultMessage;
import mq.common.protocol.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregator's loop: merges partial results and job events into per-job state, publishes
 * progress while a job runs, and when a job is complete (every chunk merged) or has failed,
 * writes its files, publishes its report, and forgets it.
 *
 * <p>Offsets are committed only when no job is in flight, so a restarted aggregator re-reads
 * every message of the jobs it had not finished; merging is idempotent per chunk, so re-reading
 * is harmless.
 */
public final class Aggregator implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Aggregator.class);
    private static final long PROGRESS_EVERY_MS = 250;
    private static final int REMEMBERED_JOBS = 10_000;

    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final Topics topics;
    private final Path reportsDir;
    private final Duration jobTimeout;
    private final Map<String, JobState> inFlight = new LinkedHashMap<>();
    private final Map<String, Long> lastActivity = new LinkedHashMap<>();
    /** Jobs already reported: late partials of theirs (a redone chunk after a failure) are ignored. */
    private final Set<String> finished = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_JOBS;
        }
    });
    private final Set<String> progressed = new HashSet<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closing;
    private final AggregatorMetrics metrics;
    private volatile java.util.function.Consumer<JobReport> reportListener = report -> { };
    private long lastProgressAt;
    private volatile int jobsCompleted;

    public Aggregator(Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer, Topics topics,
                      Path reportsDir, Duration jobTimeout, MeterRegistry meters) {
        this.consumer = consumer;
        this.producer = producer;
        this.topics = topics;
        this.reportsDir = reportsDir;
        this.jobTimeout = jobTimeout;
        this.metrics = new AggregatorMetrics(meters);
    }

    /** Sees every report as it is published (on the aggregator's thread), e.g. to serve it over HTTP. */
    public Aggregator onReport(java.util.function.Consumer<JobReport> listener) {
        this.reportListener = listener;
        return this;
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topics.jobs(), topics.partials()), new PositionsOnAssign(consumer, "aggregator"));
            LOG.info("aggregator reading {} and {}, reports under {}", topics.jobs(), topics.partials(), reportsDir);
            while (!closing) {
                var records = consumer.poll(Duration.ofMillis(100));
                long now = System.currentTimeMillis(); // after the poll: the time these messages were merged
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    handle(record, now);
                }
                finishOverJobs();
                publishProgress();
                if (inFlight.isEmpty()) {
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            if (!closing) {
                throw e;
            }
        } finally {
            try {
                consumer.close();
                producer.close();
            } finally {
                stopped.countDown();
                LOG.info("aggregator stopped after {} jobs", jobsCompleted);
            }
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> record, long now) {
        try {
            if (record.topic().equals(topics.jobs())) {
                JobEvent event = Json.decode(record.value(), JobEvent.class);
                if (finished.contains(event.job())) {
                    return;
                }
                JobState state = state(event.job(), now);
                if (event instanceof JobEvent.Started started) {
                    state.started(started);
                } else if (event instanceof JobEvent.Ended ended) {
                    state.ended(ended);
                } else if (event instanceof JobEvent.Aborted aborted) {
                    state.aborted(aborted);
                }
            } else {
                Partial partial = Json.decode(record.value(), Partial.class);
                if (finished.contains(partial.job())) {
                    LOG.debug("ignoring a late partial of finished job {} (chunk {})", partial.job(), partial.chunk());
                    return;
                }
                if (state(partial.job(), now).merge(partial, now)) {
                    metrics.merged(partial.records());
                } else {
                    metrics.duplicate();
                    LOG.info("ignored duplicate partial of job {} chunk {} from {}", partial.job(), partial.chunk(), partial.worker());
                }
                progressed.add(partial.job());
            }
        } catch (MalformedMessageException e) {
            LOG.warn("skipping malformed message at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
        }
    }

    private JobState state(String job, long now) {
        lastActivity.put(job, now);
        return inFlight.computeIfAbsent(job, id -> new JobState(id, now));
    }

    private void finishOverJobs() {
        long now = System.currentTimeMillis();
        List<JobState> over = new ArrayList<>();
        for (JobState state : inFlight.values()) {
            if (state.isOver()) {
                over.add(state);
            } else if (now - lastActivity.get(state.job()) > jobTimeout.toMillis()) {
                state.aborted(new JobEvent.Aborted(state.job(), "no message for this job for " + jobTimeout.toSeconds()
                        + " s: its producer or all of its workers may have died", List.of(), now));
                over.add(state);
            }
        }
        for (JobState state : over) {
            finish(state, now);
        }
    }

    private void finish(JobState state, long now) {
        JobReport report = ReportBuilder.build(state, now);
        Path dir = report.outputDir() != null ? Path.of(report.outputDir()) : reportsDir.resolve(state.job());
        try {
            ReportFiles.write(dir, report, state.latest(), state.chunkTimings());
        } catch (IOException e) {
            LOG.error("cannot write the files of job {} to {}: {}", state.job(), dir, e.toString());
        }
        send(new ResultMessage.Final(state.job(), report));
        inFlight.remove(state.job());
        lastActivity.remove(state.job());
        progressed.remove(state.job());
        finished.add(state.job());
        jobsCompleted++;
        metrics.finished(report);
        reportListener.accept(report);
        LOG.info("job {} {}: {} records in {} chunks, {} ms end to end{}", state.job(), report.status(), report.count(),
                report.chunks(), report.timings().endToEndMs(), report.error() == null ? "" : " (" + report.error() + ")");
    }

    private void publishProgress() {
        long now = System.currentTimeMillis();
        if (now - lastProgressAt < PROGRESS_EVERY_MS || progressed.isEmpty()) {
            return;
        }
        lastProgressAt = now;
        for (String job : progressed) {
            JobState state = inFlight.get(job);
            if (state != null) {
                int expected = state.ended() == null ? -1 : state.ended().chunks();
                sendAsync(new ResultMessage.Progress(job, state.mergedCount(), expected, state.records(), now));
            }
        }
        progressed.clear();
    }

    private void send(ResultMessage message) {
        try {
            sendAsync(message).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            LOG.error("cannot publish the result of job {}: {}", message.job(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Future<?> sendAsync(ResultMessage message) {
        return producer.send(new ProducerRecord<>(topics.results(), message.job().getBytes(StandardCharsets.UTF_8),
                Json.encode(message)));
    }

    /** Stops the loop from any thread and waits for it to close its clients. */
    public void close(Duration timeout) throws InterruptedException {
        closing = true;
        consumer.wakeup();
        if (!stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("aggregator did not stop within {}", timeout);
        }
    }
}
