package mq.aggregator;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
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
import mq.aggregator.decode.BatchDecoder;
import mq.aggregator.decode.DecodedMessage;
import mq.aggregator.job.JobState;
import mq.aggregator.recovery.CommitPoint;
import mq.aggregator.recovery.FinishedJobs;
import mq.aggregator.report.ReportBuilder;
import mq.aggregator.report.ReportFiles;
import mq.aggregator.state.LatestStates;
import mq.common.kafka.ClientFactory;
import mq.common.kafka.DeadLetters;
import mq.common.kafka.PositionsOnAssign;
import mq.common.kafka.ReplaceableConsumer;
import mq.common.protocol.JobEvent;
import mq.common.protocol.JobId;
import mq.common.protocol.JobReport;
import mq.common.protocol.Json;
import mq.common.protocol.MalformedMessageException;
import mq.common.protocol.Owner;
import mq.common.protocol.Partial;
import mq.common.protocol.ResultMessage;
import mq.common.protocol.Topics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The aggregator's loop: merges partial results and job events into per-job state, publishes
 * progress while a job runs, and when a job is complete (every chunk merged) or has failed,
 * writes its files, publishes its report, and forgets it.
 *
 * <p>Nothing it reads can stop it: every message is checked after decoding ({@link MessageRules})
 * and one that breaks the protocol goes to the dead-letter topic (failing its job, when known).
 * Finished jobs are known from the results topic ({@link FinishedJobs}), so a late or replayed
 * partial never reopens one and no job gets two finals; offsets are committed up to the oldest job
 * in flight ({@link CommitPoint}), so a restart re-reads only unfinished jobs.
 */
public final class Aggregator implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Aggregator.class);
    private static final long PROGRESS_EVERY_MS = 250;
    private static final long COMMIT_EVERY_MS = 1000;
    /**
     * A producer that promised alive events is given up after missing this many of them: ten (20 s at
     * the producer's 2 s), not three, because a loaded machine can stall a healthy producer for
     * several seconds, and a producer writing to a killed partition leader is silent until another
     * replica leads (6 to 9 s measured by the fault lab on a three-node cluster).
     */
    private static final int MISSED_ALIVE_EVENTS = 10;

    private final ReplaceableConsumer<Consumer<byte[], byte[]>> replaceableConsumer;
    private final Producer<byte[], byte[]> producer;
    private final Topics topics;
    private final Path reportsDir;
    private final Duration jobTimeout;
    private final DeadLetters deadLetters;
    private final Map<String, JobState> inFlight = new LinkedHashMap<>();
    /** Wall-clock time of each in-flight job's latest message, and of its producer's latest sign of life. */
    private final Map<String, Long> lastActivity = new HashMap<>();
    private final Map<String, Long> lastProducerSignal = new HashMap<>();
    private CommitPoint commitPoint = new CommitPoint();
    private FinishedJobs finished = new FinishedJobs();
    private final Set<String> progressed = new HashSet<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean closing;
    private final AggregatorMetrics metrics;
    private volatile AggregatorObserver observer = AggregatorObserver.NONE;
    private volatile String owner;
    private volatile LatestStates latestStates = LatestStates.inHeap();
    private volatile int decodeThreads = BatchDecoder.DEFAULT_THREADS;
    private long lastProgressAt;
    private long lastCommitAt;
    private volatile int jobsCompleted;
    /** Wall-clock time this aggregator's current consumer started reading. */
    private long readingSince;

    public Aggregator(ClientFactory<Consumer<byte[], byte[]>> consumers, Producer<byte[], byte[]> producer, Topics topics,
                      Path reportsDir, Duration jobTimeout, MeterRegistry meters) {
        this.replaceableConsumer = new ReplaceableConsumer<>(consumers, "aggregator");
        this.producer = producer;
        this.topics = topics;
        this.reportsDir = reportsDir;
        this.jobTimeout = jobTimeout;
        this.metrics = new AggregatorMetrics(meters);
        this.deadLetters = new DeadLetters(producer, topics.dead(), "aggregator");
    }

    /**
     * Adds an observer that sees every job event, partial and report as the loop handles them (the
     * live page, the HTTP server's recent reports); observers added earlier are told first.
     */
    public Aggregator observe(AggregatorObserver observer) {
        this.observer = AggregatorObserver.both(this.observer, observer);
        return this;
    }

    /** Takes only the jobs that name this owner ({@link Owner}); without a name, only the jobs that name none. */
    public Aggregator owner(String name) {
        this.owner = Owner.check(name, "the aggregator's owner name");
        return this;
    }

    /** Where records jobs keep their latest versions (default: on the heap); closed when the loop stops. */
    public Aggregator latestStates(LatestStates states) {
        this.latestStates = states;
        return this;
    }

    /**
     * How many threads decode a poll's partials, this loop's included (default: the cores, at most
     * 4); 1 decodes on the loop's thread alone. Handling stays on the loop's thread, in order.
     */
    public Aggregator decodeThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("the aggregator needs at least one decoding thread, got " + threads);
        }
        this.decodeThreads = threads;
        return this;
    }

    @Override
    public void run() {
        // One decoder for every consumer this loop opens: a start-over keeps it, the loop's end stops its threads.
        BatchDecoder decoder = new BatchDecoder(topics.jobs(), decodeThreads);
        try {
            while (!closing) {
                long sessionStart = System.nanoTime();
                try {
                    readUntilClosed(decoder);
                } catch (WakeupException e) {
                    if (!closing) {
                        throw e;
                    }
                } catch (AuthorizationException | UnsupportedVersionException e) {
                    LOG.error("aggregator cannot go on: {}", e.getMessage());
                    throw e;
                } catch (KafkaException | IllegalStateException e) {
                    if (System.nanoTime() - sessionStart > Duration.ofMinutes(1).toNanos()) {
                        replaceableConsumer.progressed();
                    }
                    if (!closing) {
                        startOver(e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                decoder.close();
                closeStates();
                replaceableConsumer.close();
                producer.close();
            } finally {
                stopped.countDown();
                LOG.info("aggregator stopped after {} jobs", jobsCompleted);
            }
        }
    }

    /** Deletes every spill store: the jobs still in flight are re-read from Kafka by the next aggregator. */
    private void closeStates() {
        closeJobStates();
        try {
            latestStates.close();
        } catch (RuntimeException e) {
            LOG.warn("aggregator: cannot clean up its spill folder: {}", e.toString());
        }
    }

    /** Frees the jobs in flight's latest records and deletes their spill stores. */
    private void closeJobStates() {
        for (JobState state : inFlight.values()) {
            try {
                state.close();
            } catch (RuntimeException e) {
                LOG.warn("aggregator: cannot delete the spill store of job {}: {}", state.job(), e.toString());
            }
        }
    }

    private void readUntilClosed(BatchDecoder decoder) {
        readingSince = System.currentTimeMillis();
        if (owner == null) {
            finished = FinishedJobs.readFrom(consumer(), topics.results(), Duration.ofSeconds(30));
        } // else a named owner serves one run, started before its job: nothing of its own can have finished

        consumer().subscribe(List.of(topics.jobs(), topics.partials()), new PositionsOnAssign(consumer(), "aggregator"));
        LOG.info("aggregator{} reading {} and {}, reports under {}; {}", owner == null ? "" : " " + owner,
                topics.jobs(), topics.partials(), reportsDir, latestStates.describe());
        while (!closing) {
            var records = consumer().poll(Duration.ofMillis(100));
            long wallNow = System.currentTimeMillis();
            List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
            records.forEach(batch::add);
            // A window at a time: a poll can hold hundreds of partials, and decoded ones take more heap than their bytes.
            for (int from = 0; from < batch.size(); from += decoder.window()) {
                for (DecodedMessage decoded : decoder.decode(batch.subList(from, Math.min(batch.size(), from + decoder.window())))) {
                    handle(decoded, wallNow);
                }
            }
            boolean anyFinished = finishOverJobs();
            publishProgress();
            commit(anyFinished);
        }
    }

    /**
     * The consumer threw what no retry inside it handles. Start over as a restarted aggregator would,
     * without the process restart: forget the jobs in flight (their messages after the committed
     * offsets are read again and rebuild them exactly; finished jobs are skipped), and read with a
     * new consumer after a delay that doubles while failures repeat.
     */
    private void startOver(RuntimeException failure) throws InterruptedException {
        Duration delay = replaceableConsumer.nextDelay();
        LOG.error("aggregator: its consumer failed ({}); forgetting {} job(s) in flight, which are read again from the "
                + "committed offsets by a new consumer in {} s", failure.toString(), inFlight.size(), delay.toSeconds(), failure);
        replaceableConsumer.closeFailed();
        observer.inFlightForgotten(List.copyOf(inFlight.keySet()));
        closeJobStates();
        inFlight.clear();
        lastActivity.clear();
        lastProducerSignal.clear();
        progressed.clear();
        commitPoint = new CommitPoint();
        if (replaceableConsumer.reopenAfter(delay)) {
            metrics.consumerRestarted();
        }
    }

    /** The consumer in use: a new one after a start-over, so never keep it beyond a call. */
    private Consumer<byte[], byte[]> consumer() {
        return replaceableConsumer.get();
    }

    /** Handles one record as it was decoded: a decoding failure is thrown here, in the poll's order, as before. */
    private void handle(DecodedMessage decoded, long wallNow) {
        ConsumerRecord<byte[], byte[]> record = decoded.record();
        try {
            Object message = decoded.message();
            if (message instanceof JobEvent event) {
                handle(record, event, wallNow);
            } else {
                handle(record, (Partial) message, wallNow);
            }
        } catch (MalformedMessageException e) {
            deadLetter(record, e.getMessage());
        } catch (RuntimeException e) {
            // Not a protocol breach we know of, but still one message: it must not stop the loop.
            LOG.error("unexpected failure on {}-{}@{}", record.topic(), record.partition(), record.offset(), e);
            deadLetter(record, "the aggregator could not handle this message: " + e);
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> record, JobEvent event, long wallNow) {
        if (!mine(event.job(), event.owner())) {
            return;
        }
        JobState state = state(record, event.job(), wallNow);
        lastProducerSignal.put(event.job(), wallNow);
        if (event instanceof JobEvent.Started started) {
            state.started(started);
        } else if (event instanceof JobEvent.Ended ended) {
            state.ended(ended);
        } else if (event instanceof JobEvent.Aborted aborted) {
            state.aborted(aborted);
        }
        observer.jobEvent(event, wallNow);
    }

    private void handle(ConsumerRecord<byte[], byte[]> record, Partial partial, long wallNow) {
        if (!mine(partial.job(), partial.owner())) {
            return;
        }
        JobState state = state(record, partial.job(), wallNow);
        boolean first = state.merge(partial, eventTime(record, wallNow));
        observer.partial(partial, first, wallNow);
        if (first) {
            metrics.merged(partial.records());
        } else {
            metrics.duplicate();
            LOG.info("ignored duplicate partial of job {} chunk {} from {}", partial.job(), partial.chunk(), partial.worker());
        }
        progressed.add(partial.job());
    }

    /** Whether this aggregator owns the job and has not finished it yet. */
    private boolean mine(String job, String jobOwner) {
        if (!Owner.owns(owner, jobOwner)) {
            return false;
        }
        if (finished.contains(job)) {
            LOG.debug("ignoring a late message of finished job {}", job);
            return false;
        }
        return true;
    }

    private void deadLetter(ConsumerRecord<byte[], byte[]> record, String reason) {
        metrics.deadLetter();
        deadLetters.send(record, reason);
        String job = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        JobState state = JobId.isValid(job) ? inFlight.get(job) : null;
        if (state != null) {
            state.fail("a message of this job broke the protocol (" + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + "): " + reason);
        }
    }

    private JobState state(ConsumerRecord<byte[], byte[]> record, String job, long wallNow) {
        lastActivity.put(job, wallNow);
        commitPoint.saw(job, new TopicPartition(record.topic(), record.partition()), record.offset());
        long at = eventTime(record, wallNow);
        JobState state = inFlight.computeIfAbsent(job, id -> new JobState(id, at, latestStates.open(id)));
        state.sawMessageAt(at);
        return state;
    }

    /** When the message was written: a replay after a restart then reports the job's original timings. */
    private static long eventTime(ConsumerRecord<byte[], byte[]> record, long wallNow) {
        return record.timestamp() > 0 ? record.timestamp() : wallNow;
    }

    private boolean finishOverJobs() {
        long now = System.currentTimeMillis();
        List<JobState> over = new ArrayList<>();
        for (JobState state : inFlight.values()) {
            if (!state.isOver()) {
                failIfAbandoned(state, now);
            }
            if (state.isOver()) {
                over.add(state);
            }
        }
        for (JobState state : over) {
            finish(state, finishedAt(state, now));
        }
        return !over.isEmpty();
    }

    /**
     * When the job's result came to be. A job whose last message was written before this consumer
     * started reading is a replay (after a restart): its messages' own time is the best there is, so
     * its report keeps its original timings. Any other job ends now, when its result is known: the
     * messages' time would hide how far behind the aggregator ran (seen when spilling to disk).
     */
    private long finishedAt(JobState state, long now) {
        boolean replayed = state.lastEventAt() < readingSince;
        return state.isComplete() && state.failure() == null && replayed ? state.lastEventAt() : now;
    }

    private void failIfAbandoned(JobState state, long now) {
        if (now - lastActivity.get(state.job()) > jobTimeout.toMillis()) {
            state.fail("no message for this job for " + jobTimeout.toSeconds()
                    + " s: its producer or all of its workers may have died");
        } else if (state.awaitsProducer()) {
            long silentMs = now - lastProducerSignal.getOrDefault(state.job(), now);
            long allowedMs = MISSED_ALIVE_EVENTS * state.started().aliveEveryMs();
            if (silentMs > allowedMs) {
                state.fail("the producer fell silent: no event from it for " + silentMs / 1000
                        + " s though it promised one every " + state.started().aliveEveryMs() + " ms");
            }
        }
    }

    private void finish(JobState state, long finishedAt) {
        JobReport report = report(state, finishedAt);
        Path dir = report.outputDir() != null ? Path.of(report.outputDir()) : ReportFiles.jobDir(reportsDir, state.job());
        try {
            ReportFiles.write(dir, report, state.latest(), state.chunkTimings());
        } catch (IOException | UncheckedIOException e) {
            LOG.error("cannot write the files of job {} to {}: {}", state.job(), dir, e.toString());
        } finally {
            state.close();
        }
        send(new ResultMessage.Final(state.job(), report));
        inFlight.remove(state.job());
        lastActivity.remove(state.job());
        lastProducerSignal.remove(state.job());
        progressed.remove(state.job());
        commitPoint.finished(state.job());
        finished.add(state.job(), report.status());
        jobsCompleted++;
        metrics.finished(report);
        observer.finished(report);
        LOG.info("job {} {}: {} records in {} chunks, {} ms end to end{}", state.job(), report.status(), report.count(),
                report.chunks(), report.timings().endToEndMs(), report.error() == null ? "" : " (" + report.error() + ")");
    }

    /** The job's report; a spill store that cannot be read fails the job (a failed report reads no totals). */
    private static JobReport report(JobState state, long finishedAt) {
        try {
            return ReportBuilder.build(state, finishedAt);
        } catch (UncheckedIOException e) {
            state.fail("the aggregator could not read the job's latest records back: " + e.getMessage());
            return ReportBuilder.build(state, finishedAt);
        }
    }

    private void commit(boolean now) {
        long wallNow = System.currentTimeMillis();
        if (!now && wallNow - lastCommitAt < COMMIT_EVERY_MS) {
            return;
        }
        lastCommitAt = wallNow;
        try {
            consumer().commitSync(commitPoint.offsets(consumer().assignment(), consumer()::position));
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            // Harmless: the next commit covers it, and a replay of finished jobs is skipped.
            LOG.warn("aggregator: commit failed ({}); will retry", e.getMessage());
        }
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
        replaceableConsumer.stop();
        consumer().wakeup();
        if (!stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("aggregator did not stop within {}", timeout);
        }
    }
}
