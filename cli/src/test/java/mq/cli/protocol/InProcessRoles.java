package mq.cli.protocol;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mq.aggregator.Aggregator;
import mq.common.kafka.ClientSettings;
import mq.launcher.GroupReadiness;
import mq.common.kafka.TopicSetup;
import mq.common.protocol.Topics;
import mq.testing.TestBroker;
import mq.worker.ShareWorker;
import mq.worker.Worker;
import mq.worker.WorkerLoop;
import mq.worker.reduce.BusyWork;
import mq.worker.reduce.ChunkReducer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * An aggregator and workers as threads of the test JVM, on the test broker and topics of the test's
 * own, the way long-running roles run in production: each with its own clients and group.
 */
final class InProcessRoles implements AutoCloseable {
    static final int PARTITIONS = 4;
    private static final Duration READY = Duration.ofSeconds(60);

    final String prefix = TestBroker.uniqueName("it") + ".";
    final Topics topics = Topics.withPrefix(prefix);
    final ClientSettings client = ClientSettings.of(TestBroker.bootstrap());
    final String aggregatorGroup = TestBroker.uniqueName("aggregator");
    final String workerGroup = TestBroker.uniqueName("workers");
    private final Path reports;
    private final List<Thread> workerThreads = new ArrayList<>();
    private final List<WorkerLoop<?>> workers = new ArrayList<>();
    private Aggregator aggregator;
    private Thread aggregatorThread;
    private final List<Aggregator> others = new ArrayList<>();

    InProcessRoles(Path reports) {
        this.reports = reports;
        try (Admin admin = Admin.create(client.admin("it-setup"))) {
            TopicSetup.ensure(admin, topics, PARTITIONS);
        }
    }

    InProcessRoles startAggregator() {
        return startAggregator(null, aggregatorGroup);
    }

    InProcessRoles startAggregator(String owner, String group) {
        aggregator = new Aggregator(() -> new KafkaConsumer<>(client.consumer(group, "agg")),
                new KafkaProducer<>(client.producer("agg")), topics, reports, Duration.ofMinutes(2),
                new SimpleMeterRegistry()).owner(owner);
        aggregatorThread = new Thread(aggregator, "aggregator");
        aggregatorThread.start();
        try (Admin admin = Admin.create(client.admin("it-ready"))) {
            new GroupReadiness(admin).await(group, List.of(topics.jobs(), topics.partials()), 1, READY, this::checkAlive);
        }
        return this;
    }

    /** A second aggregator on the same topics, in a group of its own, taking the jobs of {@code owner}. */
    InProcessRoles startOwnedAggregator(String owner) {
        String group = TestBroker.uniqueName("owned");
        Aggregator other = new Aggregator(() -> new KafkaConsumer<>(client.consumer(group, "owned")),
                new KafkaProducer<>(client.producer("owned")), topics, reports.resolveSibling("owned-reports"),
                Duration.ofMinutes(2), new SimpleMeterRegistry()).owner(owner);
        new Thread(other, "owned-aggregator").start();
        others.add(other);
        try (Admin admin = Admin.create(client.admin("it-ready"))) {
            new GroupReadiness(admin).await(group, List.of(topics.jobs(), topics.partials()), 1, READY, this::checkAlive);
        }
        return this;
    }

    InProcessRoles startConsumerWorkers(int count) {
        for (int i = 1; i <= count; i++) {
            String id = "w" + i;
            start(new Worker(() -> new KafkaConsumer<>(client.consumer(workerGroup, id)), new KafkaProducer<>(client.producer(id)),
                    topics, id, 2, new ChunkReducer(id, BusyWork.NONE), new SimpleMeterRegistry()));
        }
        try (Admin admin = Admin.create(client.admin("it-ready"))) {
            new GroupReadiness(admin).await(workerGroup, List.of(topics.chunks()), count, READY, this::checkAlive);
        }
        return this;
    }

    InProcessRoles startShareWorkers(int count) {
        try (Admin admin = Admin.create(client.admin("it-ready"))) {
            new GroupReadiness(admin).startShareGroupAtEnd(workerGroup, topics.chunks());
            for (int i = 1; i <= count; i++) {
                String id = "s" + i;
                var props = client.shareConsumer(workerGroup, id);
                props.put("max.poll.records", "4");
                start(new ShareWorker(() -> new KafkaShareConsumer<>(props), new KafkaProducer<>(client.producer(id)), topics, id, 2,
                        new ChunkReducer(id, BusyWork.NONE), new SimpleMeterRegistry()));
            }
            new GroupReadiness(admin).awaitShareMembers(workerGroup, count, READY, this::checkAlive);
        }
        return this;
    }

    private void start(WorkerLoop<?> worker) {
        Thread thread = new Thread(worker, "worker");
        thread.start();
        workers.add(worker);
        workerThreads.add(thread);
    }

    /** Stops the aggregator as a crash would leave it: nothing committed on the way out. */
    void stopAggregator() throws InterruptedException {
        aggregator.close(Duration.ofSeconds(10));
        aggregatorThread.join(30_000);
        if (aggregatorThread.isAlive()) {
            // A new aggregator joining beside the old one would share its partitions: not the restart tested.
            throw new IllegalStateException("the aggregator did not stop within 30 s");
        }
    }

    boolean allAlive() {
        return aggregatorThread.isAlive() && workerThreads.stream().allMatch(Thread::isAlive);
    }

    private void checkAlive() {
        if (!allAlive()) {
            throw new IllegalStateException("a role stopped");
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (WorkerLoop<?> worker : workers) {
            worker.close(Duration.ofSeconds(10));
        }
        if (aggregator != null) {
            aggregator.close(Duration.ofSeconds(10));
        }
        for (Aggregator other : others) {
            other.close(Duration.ofSeconds(10));
        }
    }
}
