package mq.cli.roles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import mq.aggregator.Aggregator;
import mq.aggregator.AggregatorObserver;
import mq.aggregator.live.LivePage;
import mq.aggregator.state.LatestStates;
import mq.cli.options.Bootstrap;
import mq.aggregator.report.RecentReports;
import mq.metrics.GroupLag;
import mq.metrics.RoleMetrics;
import mq.cli.options.KafkaOptions;
import mq.cli.options.LimitsOptions;
import mq.cli.options.MetricsOptions;
import mq.common.kafka.ClientSettings;
import mq.common.kafka.TopicSetup;
import mq.common.protocol.Json;
import org.apache.kafka.clients.admin.Admin;
import io.micrometer.core.instrument.Gauge;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mq aggregator}: merges partial results into each job's report; run one per installation. */
@Command(name = "aggregator", mixinStandardHelpOptions = true,
        description = {"Merges the workers' partial results into each job's final result, checks it against what the "
                + "producer sent, writes report.json (and records.jsonl) and publishes the report.",
                "Every option also reads an environment variable, for containers."})
public final class AggregatorCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    MetricsOptions metricsOptions;

    @Mixin
    LimitsOptions limits;

    @Spec
    CommandSpec spec;

    @Option(names = "--group", paramLabel = "GROUP", defaultValue = "${env:MQ_AGGREGATOR_GROUP:-mq-aggregator}",
            description = "Consumer group of the aggregator (env MQ_AGGREGATOR_GROUP, default ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "${env:MQ_REPORTS_DIR:-runs/reports}",
            description = "Where jobs without an output folder of their own get one (env MQ_REPORTS_DIR, default ${DEFAULT-VALUE}).")
    Path reports;

    @Option(names = "--job-timeout", paramLabel = "SECONDS", defaultValue = "${env:MQ_JOB_TIMEOUT:-600}",
            description = "Fail a job after this long without any message for it (env MQ_JOB_TIMEOUT, default ${DEFAULT-VALUE}).")
    long jobTimeoutSeconds;

    @Option(names = "--worker-group", paramLabel = "GROUP", defaultValue = "${env:MQ_WORKER_GROUP:-mq-workers}",
            description = "The workers' group, whose lag on the chunk topic the aggregator reports as mq_group_lag "
                    + "(env MQ_WORKER_GROUP, default ${DEFAULT-VALUE}).")
    String workerGroup;

    @Option(names = "--owner", paramLabel = "NAME", defaultValue = "${env:MQ_AGGREGATOR_OWNER}",
            description = "Take only the jobs that name this owner (mq run names its own aggregator); without it, "
                    + "only the jobs that name none (env MQ_AGGREGATOR_OWNER).")
    String owner;

    @Option(names = "--state-heap-budget", paramLabel = "SIZE|auto|off", defaultValue = "${env:MQ_STATE_HEAP_BUDGET:-auto}",
            description = "Heap for the latest record of each key of records jobs (all jobs in flight together, estimated); "
                    + "past it they spill to a RocksDB store under --spill-dir. A size (64m, 1g), auto (a quarter of the "
                    + "maximum heap) or off (all on the heap, never spilled) (env MQ_STATE_HEAP_BUDGET, default ${DEFAULT-VALUE}).")
    String stateHeapBudget;

    @Option(names = "--spill-dir", paramLabel = "DIR", defaultValue = "${env:MQ_SPILL_DIR}",
            description = "Where spilled jobs keep their stores, a folder per job, deleted when the job is reported or the "
                    + "aggregator stops (env MQ_SPILL_DIR; default: <reports>/.spill, on disk, where the system's "
                    + "temporary folder may be memory).")
    Path spillDir;

    @Option(names = "--topics-ready", hidden = true,
            description = "Skip creating missing topics: the launcher has just done it (saves a second per process).")
    boolean topicsReady;

    @Override
    public Integer call() throws Exception {
        limits.apply();
        LatestStates states = latestStates();
        Json.warmUpInBackground();
        String id = ProcessIdentity.defaultId();
        ClientSettings settings = kafka.settings(Bootstrap.existing(kafka));
        if (!topicsReady) {
            try (Admin admin = Admin.create(settings.admin(id + "-admin"))) {
                TopicSetup.ensure(admin, kafka.topics(), kafka.chunkPartitions());
            }
        }
        try (RoleMetrics metrics = RoleMetrics.start("aggregator", metricsOptions.port());
             GroupLag lag = new GroupLag(Admin.create(settings.admin(id + "-lag")), workerGroup, kafka.topics().chunks(),
                     metrics.registry(), Duration.ofSeconds(5));
             LivePage live = LivePage.start(new KafkaConsumer<>(settings.reader("aggregator-" + id + "-heartbeats")),
                     kafka.topics().workers(), workerGroup, () -> currentLag(metrics), reports)) {
            RecentReports recent = new RecentReports(RecentReports.DEFAULT_CAPACITY);
            metrics.server().ifPresent(server -> {
                server.serveReports(recent, reports).serve(live.routes());
                System.err.printf("live page on http://127.0.0.1:%d/%n", server.port());
            });
            Aggregator aggregator = new Aggregator(
                    metrics.boundConsumers(() -> new KafkaConsumer<>(settings.consumer(group, "aggregator-" + id))),
                    metrics.bind(new KafkaProducer<>(settings.producer("aggregator-" + id + "-results"))), kafka.topics(), reports,
                    Duration.ofSeconds(jobTimeoutSeconds), metrics.registry())
                    .observe(AggregatorObserver.reports(recent::add)).owner(owner)
                    .observe(live.observer()).latestStates(states);
            Shutdown.onSignal("aggregator", timeout -> {
                aggregator.close(timeout);
                live.close();
                lag.close();
                metrics.close();
            });
            aggregator.run();
        }
        return 0;
    }

    /** The budget option read, or a usage error (exit 2) that says what it takes. */
    private LatestStates latestStates() {
        Path dir = spillDir != null ? spillDir : reports.resolve(".spill");
        try {
            return LatestStates.of(stateHeapBudget, dir, Runtime.getRuntime().maxMemory());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--state-heap-budget: " + e.getMessage());
        }
    }

    /** The worker group's lag as GroupLag last measured it, for the live page's lag chart. */
    private static long currentLag(RoleMetrics metrics) {
        Gauge gauge = metrics.registry().find(GroupLag.METER).gauge();
        return gauge == null ? 0 : (long) gauge.value();
    }
}
