package mq.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import mq.aggregator.report.ReportFiles;
import mq.common.kafka.ClientSettings;
import mq.common.kafka.TopicSetup;
import mq.common.protocol.JobReport;
import mq.common.protocol.ResultMessage;
import mq.common.protocol.Topics;
import mq.launcher.GroupReadiness;
import mq.launcher.console.Progress;
import mq.producer.JobPublisher;
import mq.worker.GroupType;
import mq.worker.reduce.BusyWork;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One whole job on this machine: an aggregator process and N worker processes in groups of their
 * own, the file produced from this process, the final report awaited, everything stopped.
 *
 * <p>Producing starts only when every worker has joined and every partition has a committed
 * starting offset, so all workers take part from the first chunk and timings compare fairly.
 */
public final class LocalRun implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalRun.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    /** What the aggregator prints once its live page is mounted (AggregatorCommand). */
    private static final Pattern LIVE_PAGE_LINE = Pattern.compile("live page on (http://\\S+/)");

    /**
     * @param heap      maximum heap of each role process, e.g. {@code 256m}
     * @param jobTimeout how long to wait for the result once producing has finished
     * @param jit        the role processes' JIT mode (AUTO: C1 without busy work, C2 with it)
     * @param stateHeapBudget the aggregator's {@code --state-heap-budget} ({@code null}: its default)
     */
    public record Settings(int workers, int threads, int workMicros, GroupType groupType, String heap,
                           Duration jobTimeout, boolean showProgress, JitMode jit, String stateHeapBudget) {
        public Settings {
            if (workers < 1) throw new IllegalArgumentException("--workers must be at least 1, was " + workers);
            if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, was " + threads);
        }

        public Settings(int workers, int threads, int workMicros, GroupType groupType, String heap,
                        Duration jobTimeout, boolean showProgress) {
            this(workers, threads, workMicros, groupType, heap, jobTimeout, showProgress, JitMode.AUTO);
        }

        public Settings(int workers, int threads, int workMicros, GroupType groupType, String heap,
                        Duration jobTimeout, boolean showProgress, JitMode jit) {
            this(workers, threads, workMicros, groupType, heap, jobTimeout, showProgress, jit, null);
        }

        /** The same settings with the aggregator's state heap budget. */
        public Settings withStateHeapBudget(String budget) {
            return new Settings(workers, threads, workMicros, groupType, heap, jobTimeout, showProgress, jit, budget);
        }

        /** The JIT mode the role processes really run with. */
        public JitMode resolvedJit() {
            return jit.resolve(workMicros);
        }
    }

    private final ClientSettings client;
    private final List<String> kafkaArguments;
    private final Topics topics;
    private final int chunkPartitions;
    private final Settings settings;
    private final String runId = JobIds.next().substring(4);
    private final List<ChildProcess> workers = new CopyOnWriteArrayList<>();
    private volatile ChildProcess aggregator;
    /** Stops the run's processes when this JVM is stopped (Ctrl-C, SIGTERM) before {@link #close}: left behind they would go on reading the topics. */
    private final Thread stopChildrenOnExit = new Thread(this::stopChildrenQuietly, "mq-run-stop-children");
    private boolean hookAdded;
    private Consumer<ResultMessage.Progress> progressListener = progress -> { };

    public LocalRun(ClientSettings client, List<String> kafkaArguments, Topics topics, int chunkPartitions, Settings settings) {
        this.client = client;
        this.kafkaArguments = kafkaArguments;
        this.topics = topics;
        this.chunkPartitions = chunkPartitions;
        this.settings = settings;
    }

    /** For tests and the lab: sees every progress message of the job. */
    public LocalRun onProgress(Consumer<ResultMessage.Progress> listener) {
        this.progressListener = listener;
        return this;
    }

    /** Runs the job in {@code request}: role processes started and ready, the file produced, the report awaited. */
    public JobReport execute(JobPublisher.Request request, Path outDir) throws IOException, InterruptedException {
        Files.createDirectories(outDir);
        startRoles(outDir);
        if (settings.showProgress()) {
            metricsUrls().forEach((name, url) -> System.err.printf("%s metrics: %s%n", name, url));
            livePageUrl().ifPresent(url -> System.err.printf("watch the job live: %s (while the run lasts)%n", url));
        }
        // Watching the results before producing: a small job's report can come before the last send returns.
        try (ResultWatcher watcher = new ResultWatcher(client, topics.results());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(client.producer("mq-run-producer"))) {
            JobPublisher.Summary sent = produce(producer, request);
            JobReport report = awaitReport(watcher, request.job(), sent.chunks());
            if (!Files.exists(outDir.resolve(ReportFiles.REPORT_FILE))) {
                ReportFiles.writeReport(outDir, report); // the aggregator could not write here
            }
            RunStamp.add(outDir.resolve(ReportFiles.REPORT_FILE), settings);
            return report;
        }
    }

    /** Creates the topics, starts the aggregator and the workers, and waits until every one of them has joined. */
    private void startRoles(Path outDir) throws IOException {
        if (!hookAdded) {
            Runtime.getRuntime().addShutdownHook(stopChildrenOnExit);
            hookAdded = true;
        }
        Path logs = outDir.resolve("logs");
        try (Admin admin = Admin.create(client.admin("mq-run-admin"))) {
            TopicSetup.ensure(admin, topics, chunkPartitions);
            GroupReadiness readiness = new GroupReadiness(admin);
            if (settings.groupType() == GroupType.SHARE) {
                readiness.startShareGroupAtEnd(workerGroup(), topics.chunks());
            }
            // The run's aggregator owns the run's job alone, even beside long-running roles on the same prefix.
            List<String> aggregatorOptions = new ArrayList<>(List.of("--group", aggregatorGroup(), "--owner", aggregatorGroup(),
                    "--worker-group", workerGroup(), "--reports", outDir.toAbsolutePath().toString()));
            if (settings.stateHeapBudget() != null) {
                aggregatorOptions.addAll(List.of("--state-heap-budget", settings.stateHeapBudget()));
            }
            aggregator = ChildProcess.start("aggregator", roleArguments("aggregator", aggregatorOptions.toArray(String[]::new)),
                    settings.heap(), logs.resolve("aggregator.log"), settings.resolvedJit());
            for (int i = 1; i <= settings.workers(); i++) {
                workers.add(startWorker("worker-" + i, logs));
            }
            awaitMembers(readiness);
        }
    }

    private ChildProcess startWorker(String id, Path logs) throws IOException {
        return ChildProcess.start(id, roleArguments("worker", "--group", workerGroup(), "--id", id,
                "--threads", Integer.toString(settings.threads()), "--work-us", Integer.toString(settings.workMicros()),
                "--group-type", settings.groupType().optionName(), "--work-calibration", calibration()),
                settings.heap(), logs.resolve(id + ".log"), settings.resolvedJit());
    }

    /** The aggregator owns its partitions and every worker has joined (owning partitions, in a consumer group). */
    private void awaitMembers(GroupReadiness readiness) {
        readiness.await(aggregatorGroup(), List.of(topics.jobs(), topics.partials()), 1, READY_TIMEOUT, this::checkChildren);
        if (settings.groupType() == GroupType.SHARE) {
            readiness.awaitShareMembers(workerGroup(), settings.workers(), READY_TIMEOUT, this::checkChildren);
        } else {
            readiness.await(workerGroup(), List.of(topics.chunks()), settings.workers(), READY_TIMEOUT, this::checkChildren);
        }
    }

    private JobPublisher.Summary produce(KafkaProducer<byte[], byte[]> producer, JobPublisher.Request request)
            throws IOException {
        try (Progress bar = settings.showProgress()
                ? Progress.always("produce", Files.size(request.input()), "MB") : Progress.none()) {
            return new JobPublisher(producer, topics, chunkPartitions)
                    .publish(request.ownedBy(aggregatorGroup()), (read, total, chunks) -> bar.accept(read));
        }
    }

    private JobReport awaitReport(ResultWatcher watcher, String job, long chunks) {
        try (Progress bar = settings.showProgress() ? Progress.always("aggregate", chunks, "chunks") : Progress.none()) {
            JobReport report = watcher.await(job, settings.jobTimeout(), progress -> {
                bar.accept(progress.mergedChunks());
                progressListener.accept(progress);
            }, this::checkChildren);
            bar.accept(chunks);
            return report;
        }
    }

    /** Measured here once, so every worker of every run does the same work per record. */
    private String calibration() {
        return settings.workMicros() == 0 ? "0" : Double.toString(BusyWork.iterationsPerMicro());
    }

    private List<String> roleArguments(String role, String... more) {
        List<String> args = new ArrayList<>();
        args.add(role);
        args.add("--topics-ready");
        args.addAll(kafkaArguments);
        // Any free port: each role logs the one it got, and metricsUrls() reads it from the log.
        args.addAll(List.of("--metrics-port", "0"));
        args.addAll(List.of(more));
        return args;
    }

    /** Each role's Prometheus endpoint (aggregator first), for those that have logged it. */
    public Map<String, String> metricsUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        if (aggregator != null) {
            aggregator.metricsUrl().ifPresent(url -> urls.put(aggregator.name(), url));
        }
        for (ChildProcess worker : workers) {
            worker.metricsUrl().ifPresent(url -> urls.put(worker.name(), url));
        }
        return urls;
    }

    /** The aggregator's live page, once the aggregator says it serves it. */
    public Optional<String> livePageUrl() {
        return aggregator == null ? Optional.empty() : aggregator.logged(LIVE_PAGE_LINE);
    }

    public ChildProcess aggregator() {
        return aggregator;
    }

    /** The aggregator must live; workers may die (others redo their chunks) but not all of them. */
    private void checkChildren() {
        if (aggregator != null && !aggregator.isAlive()) {
            throw new IllegalStateException("the aggregator exited with code " + aggregator.exitCode()
                    + "; the end of " + aggregator.log() + ":\n" + aggregator.logTail(15));
        }
        if (!workers.isEmpty() && workers.stream().noneMatch(ChildProcess::isAlive)) {
            ChildProcess last = workers.get(workers.size() - 1);
            throw new IllegalStateException("every worker has exited; the end of " + last.log() + ":\n" + last.logTail(15));
        }
    }

    public List<ChildProcess> workers() {
        return List.copyOf(workers);
    }

    @Override
    public void close() throws InterruptedException {
        if (hookAdded) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopChildrenOnExit);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is running or has run
            }
        }
        stopChildren();
        deleteGroups();
    }

    /** SIGTERM to every child at once (they stop in parallel), then SIGKILL to those still alive after 10 s. */
    private void stopChildren() throws InterruptedException {
        List<ChildProcess> all = new ArrayList<>(workers);
        if (aggregator != null) {
            all.add(aggregator);
        }
        all.forEach(child -> {
            if (child.isAlive()) {
                ProcessHandle.of(child.pid()).ifPresent(ProcessHandle::destroy);
            }
        });
        for (ChildProcess child : all) {
            child.stop(Duration.ofSeconds(10));
        }
    }

    private void stopChildrenQuietly() {
        try {
            stopChildren();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The run's groups die with it; left behind they would clutter {@code mq status} and the broker. */
    private void deleteGroups() throws InterruptedException {
        if (aggregator == null) {
            return;
        }
        try (Admin admin = Admin.create(client.admin("mq-run-cleanup"))) {
            admin.deleteConsumerGroups(List.of(aggregatorGroup())).all().get(10, TimeUnit.SECONDS);
            if (settings.groupType() == GroupType.SHARE) {
                admin.deleteShareGroups(List.of(workerGroup())).all().get(10, TimeUnit.SECONDS);
            } else {
                admin.deleteConsumerGroups(List.of(workerGroup())).all().get(10, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("could not delete the run's groups: {}", e.getMessage());
        }
    }

    private String workerGroup() {
        return "mq-workers-" + runId;
    }

    private String aggregatorGroup() {
        return "mq-aggregator-" + runId;
    }
}
