package mq.aggregator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mq.common.protocol.JobReport;

/** The aggregator's meters, in base units; the only tag is a job's final status (never a job id). */
public final class AggregatorMetrics {
    private final MeterRegistry registry;
    private final Counter merged;
    private final Counter duplicates;
    private final Counter recordsMerged;
    private final Timer jobDuration;
    private final Counter deadLetters;
    private final Counter consumerRestarts;

    public AggregatorMetrics(MeterRegistry registry) {
        this.registry = registry;
        merged = Counter.builder("mq.partials.merged")
                .description("Partial results merged into their job").register(registry);
        duplicates = Counter.builder("mq.partials.duplicates")
                .description("Partial results ignored because their chunk was already merged").register(registry);
        recordsMerged = Counter.builder("mq.records.merged")
                .description("Records in the partial results merged").register(registry);
        deadLetters = Counter.builder("mq.dead.letters").tag("role", "aggregator")
                .description("Messages that broke the protocol, sent to the dead-letter topic").register(registry);
        consumerRestarts = Counter.builder("mq.aggregator.consumer.restarts")
                .description("Times a consumer that failed was closed and the jobs in flight read again by a new one")
                .register(registry);
        jobDuration = Timer.builder("mq.job.duration")
                .description("From a job's start to its report")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(100))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
        // Both statuses exist from the start, so a dashboard shows 0 rather than no data.
        jobsCompleted(JobReport.SUCCEEDED);
        jobsCompleted(JobReport.FAILED);
    }

    void merged(long records) {
        merged.increment();
        recordsMerged.increment(records);
    }

    void deadLetter() {
        deadLetters.increment();
    }

    void consumerRestarted() {
        consumerRestarts.increment();
    }

    void duplicate() {
        duplicates.increment();
    }

    void finished(JobReport report) {
        jobsCompleted(report.status()).increment();
        if (report.timings() != null) {
            jobDuration.record(report.timings().endToEndMs(), TimeUnit.MILLISECONDS);
        }
    }

    private Counter jobsCompleted(String status) {
        return Counter.builder("mq.jobs.completed").tag("status", status)
                .description("Jobs reported, by final status").register(registry);
    }
}
