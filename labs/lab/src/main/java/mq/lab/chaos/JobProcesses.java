package mq.lab.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import mq.common.kafka.ClientSettings;
import mq.common.kafka.TopicSetup;
import mq.common.protocol.Topics;
import mq.lab.scale.LabInput;
import mq.launcher.ChildProcess;
import mq.launcher.GroupReadiness;
import mq.launcher.JitMode;
import mq.launcher.JobIds;
import org.apache.kafka.clients.admin.Admin;

/**
 * Every process of one chaos run, each a role of its own so that any of them can be killed: an
 * aggregator (restartable in the same group), N workers, and the producer ({@code mq produce}).
 */
final class JobProcesses implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    /** The job's input, how to read it and how it is cut, as {@code mq produce} takes them. */
    record Job(String id, LabInput input, int chunkSize) {
    }

    private final ClientSettings client;
    private final List<String> kafkaArguments;
    private final Topics topics;
    private final int chunkPartitions;
    private final ChaosSettings settings;
    private final Path logs;
    private final Path outDir;
    private final String runId = JobIds.next().substring(4);
    private final List<ChildProcess> workers = new ArrayList<>();
    private final List<ChildProcess> aggregators = new ArrayList<>();
    private ChildProcess producer;
    /** Processes the lab killed on purpose: their death is no crash. */
    private final java.util.Set<Long> victims = java.util.concurrent.ConcurrentHashMap.newKeySet();

    JobProcesses(ClientSettings client, List<String> kafkaArguments, Topics topics, int chunkPartitions,
                 ChaosSettings settings, Path outDir) {
        this.client = client;
        this.kafkaArguments = kafkaArguments;
        this.topics = topics;
        this.chunkPartitions = chunkPartitions;
        this.settings = settings;
        this.outDir = outDir;
        this.logs = outDir.resolve("logs");
    }

    /** Creates the topics, starts the aggregator and the workers, and waits until all have joined. */
    void startRoles() throws IOException {
        try (Admin admin = Admin.create(client.admin("mq-chaos-admin"))) {
            TopicSetup.ensure(admin, topics, chunkPartitions);
            aggregators.add(startAggregator());
            for (int i = 1; i <= settings.workers(); i++) {
                String id = "worker-" + i;
                workers.add(ChildProcess.start(id, roleArguments("worker", "--group", workerGroup(), "--id", id,
                        "--threads", Integer.toString(settings.threads()), "--work-us", "0", "--work-calibration", "0"),
                        settings.heap(), logs.resolve(id + ".log"), JitMode.C1));
            }
            GroupReadiness readiness = new GroupReadiness(admin);
            readiness.await(aggregatorGroup(), List.of(topics.jobs(), topics.partials()), 1, READY_TIMEOUT, () -> { });
            readiness.await(workerGroup(), List.of(topics.chunks()), settings.workers(), READY_TIMEOUT, () -> { });
        }
    }

    /** Starts {@code mq produce} for the job: the producer is a process of its own, so it can be killed. */
    void startProducer(Job job) throws IOException {
        List<String> args = new ArrayList<>(List.of("--job", job.id(), "--input", job.input().file().toString(),
                "--chunk-size", Integer.toString(job.chunkSize()), "--out", outDir.toAbsolutePath().toString()));
        args.addAll(ProduceArguments.of(job.input()));
        producer = ChildProcess.start("producer", roleArguments("produce", args.toArray(String[]::new)), settings.heap(),
                logs.resolve("producer.log"), JitMode.C1);
    }

    /** SIGKILL, on purpose. */
    void kill(ChildProcess victim) {
        victims.add(victim.pid());
        victim.kill();
    }

    /** Roles that exited on their own with an error: the lab's victims and a producer that finished are not among them. */
    synchronized List<String> crashed() {
        List<ChildProcess> all = new ArrayList<>(workers);
        all.addAll(aggregators);
        producer().ifPresent(all::add);
        return all.stream().filter(p -> !p.isAlive() && !victims.contains(p.pid()) && p.exitCode() != 0)
                .map(p -> p.name() + " crashed (exit " + p.exitCode() + "): " + p.logTail(1).strip())
                .toList();
    }

    /** A new aggregator in the same group, as an operator or a supervisor would start after a crash. */
    synchronized ChildProcess restartAggregator() throws IOException {
        kill(aggregator());
        ChildProcess next = startAggregator();
        aggregators.add(next);
        return next;
    }

    private ChildProcess startAggregator() throws IOException {
        return ChildProcess.start("aggregator", roleArguments("aggregator", "--group", aggregatorGroup(),
                        "--worker-group", workerGroup(), "--reports", outDir.toAbsolutePath().toString(),
                        "--job-timeout", Long.toString(settings.jobTimeout().toSeconds())),
                settings.heap(), logs.resolve("aggregator-" + (aggregators.size() + 1) + ".log"), JitMode.C1);
    }

    ChildProcess aggregator() {
        return aggregators.get(aggregators.size() - 1);
    }

    Optional<ChildProcess> producer() {
        return Optional.ofNullable(producer);
    }

    List<ChildProcess> workers() {
        return List.copyOf(workers);
    }

    /** Why the job cannot go on, or empty: the aggregator gone for good, or every worker. */
    synchronized Optional<String> deadEnd() {
        if (!aggregator().isAlive()) {
            return Optional.of("the aggregator exited with code " + aggregator().exitCode() + " (its log: "
                    + aggregator().log() + "): " + aggregator().logTail(1).strip());
        }
        if (workers.stream().noneMatch(ChildProcess::isAlive)) {
            return Optional.of("every worker has exited");
        }
        return Optional.empty();
    }

    private List<String> roleArguments(String role, String... more) {
        List<String> args = new ArrayList<>();
        args.add(role);
        if (!role.equals("produce")) {
            args.add("--topics-ready");
            args.addAll(List.of("--metrics-port", "0"));
        }
        args.addAll(kafkaArguments);
        args.addAll(List.of(more));
        return args;
    }

    @Override
    public void close() throws InterruptedException {
        List<ChildProcess> all = new ArrayList<>(workers);
        all.addAll(aggregators);
        if (producer != null) {
            all.add(producer);
        }
        for (ChildProcess child : all) {
            // A frozen worker cannot even die until it runs again.
            Signals.resume(child.pid());
        }
        for (ChildProcess child : all) {
            child.stop(Duration.ofSeconds(10));
        }
        deleteGroups();
    }

    private void deleteGroups() throws InterruptedException {
        try (Admin admin = Admin.create(client.admin("mq-chaos-cleanup"))) {
            admin.deleteConsumerGroups(List.of(aggregatorGroup(), workerGroup())).all().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Left behind, the groups only clutter `mq status`; the next run uses groups of its own.
        }
    }

    String workerGroup() {
        return "mq-chaos-workers-" + runId;
    }

    String aggregatorGroup() {
        return "mq-chaos-aggregator-" + runId;
    }
}
