package mq.cli.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mq.common.kafka.ClientSettings;
import mq.common.kafka.TopicSetup;
import mq.common.protocol.Topics;
import mq.launcher.ChildProcess;
import mq.launcher.JitMode;
import mq.launcher.GroupReadiness;
import mq.testing.TestBroker;
import org.apache.kafka.clients.admin.Admin;

/**
 * A long-running installation as separate processes, the way an operator runs it: one default
 * aggregator and N consumer-group workers ({@code mq aggregator}, {@code mq worker}), each its own
 * JVM that a test can kill, freeze or restart; and producers ({@code mq produce}) started per job.
 */
final class RoleProcesses implements AutoCloseable {
    static final int PARTITIONS = 6;
    private static final Duration READY = Duration.ofSeconds(120);
    private static final String HEAP = "256m";

    final String prefix = TestBroker.uniqueName("faults") + ".";
    final Topics topics = Topics.withPrefix(prefix);
    final ClientSettings client;
    final Path reports;
    private final Path logs;
    private final String aggregatorGroup = TestBroker.uniqueName("aggregator");
    private final String workerGroup = TestBroker.uniqueName("workers");
    private final int workMicros;
    private final List<ChildProcess> workers = new ArrayList<>();
    private final List<ChildProcess> producers = new ArrayList<>();
    private ChildProcess aggregator;
    private int aggregatorStarts;

    /** @param workMicros busy work per record, so that a job lasts long enough to be hit mid-way */
    RoleProcesses(String bootstrap, Path dir, int workMicros) {
        this.client = ClientSettings.of(bootstrap);
        this.reports = dir.resolve("reports");
        this.logs = dir.resolve("logs");
        this.workMicros = workMicros;
        try (Admin admin = Admin.create(client.admin("it-setup"))) {
            TopicSetup.ensure(admin, topics, PARTITIONS);
        }
    }

    RoleProcesses startAggregator() {
        aggregatorStarts++;
        aggregator = start("aggregator-" + aggregatorStarts, "aggregator", "--group", aggregatorGroup,
                "--worker-group", workerGroup, "--reports", reports.toAbsolutePath().toString());
        await(aggregatorGroup, List.of(topics.jobs(), topics.partials()), 1);
        return this;
    }

    RoleProcesses startWorkers(int count) {
        for (int i = 1; i <= count; i++) {
            workers.add(start("worker-" + i, "worker", "--group", workerGroup, "--id", "worker-" + i,
                    "--threads", "1", "--work-us", Integer.toString(workMicros)));
        }
        await(workerGroup, List.of(topics.chunks()), workers.size());
        return this;
    }

    /** Starts {@code mq produce} for one job; the caller waits for its result on the results topic. */
    ChildProcess produce(String job, Path input, int chunkSize) {
        ChildProcess producer = start("producer-" + job, "produce", "--input", input.toAbsolutePath().toString(),
                "--job", job, "--chunk-size", Integer.toString(chunkSize));
        producers.add(producer);
        return producer;
    }

    ChildProcess aggregator() {
        return aggregator;
    }

    ChildProcess worker(int number) {
        return workers.get(number - 1);
    }

    /** SIGKILL, then a new aggregator process in the same group, once it owns its partitions. */
    void killAndRestartAggregator() {
        ProcessHandle killed = ProcessHandle.of(aggregator.pid()).orElseThrow();
        aggregator.kill();
        killed.onExit().join();
        startAggregator();
    }

    /** The roles every test expects: a dead aggregator or worker fails the test with its log. */
    void checkAlive() {
        List<ChildProcess> roles = new ArrayList<>(workers);
        roles.add(aggregator);
        for (ChildProcess role : roles) {
            if (!role.isAlive()) {
                throw new AssertionError(role.name() + " exited with code " + role.exitCode() + "; the end of "
                        + role.log() + ":\n" + role.logTail(30));
            }
        }
    }

    private void await(String group, List<String> groupTopics, int members) {
        try (Admin admin = Admin.create(client.admin("it-ready"))) {
            new GroupReadiness(admin).await(group, groupTopics, members, READY, this::checkAlive);
        }
    }

    private ChildProcess start(String name, String role, String... options) {
        List<String> arguments = new ArrayList<>(List.of(role, "--bootstrap", client.bootstrap(), "--topic-prefix", prefix,
                "--chunk-partitions", Integer.toString(PARTITIONS)));
        if (!role.equals("produce")) {
            arguments.addAll(List.of("--topics-ready", "--metrics-port", "0"));
        }
        arguments.addAll(List.of(options));
        try {
            // Busy work is measured in each worker: it needs the full JIT it was calibrated with.
            return ChildProcess.start(name, arguments, HEAP, logs.resolve(name + ".log"), JitMode.AUTO.resolve(workMicros));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        List<ChildProcess> all = new ArrayList<>(producers);
        all.addAll(workers);
        if (aggregator != null) {
            all.add(aggregator);
        }
        for (ChildProcess child : all) {
            if (child.isAlive()) {
                Signals.resume(child.pid()); // a frozen process ignores SIGTERM until it runs again
            }
            child.stop(Duration.ofSeconds(10));
        }
    }
}
