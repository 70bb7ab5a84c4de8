package mq.cli.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import mq.broker.LocalBroker;
import mq.broker.LocalCluster;
import mq.cli.options.KafkaOptions;
import mq.lab.chaos.BrokerControl;
import mq.lab.chaos.ChaosLab;
import mq.lab.chaos.ChaosReport;
import mq.lab.chaos.ChaosSettings;
import mq.lab.chaos.ChaosSetup;
import mq.lab.chaos.FaultKind;
import mq.lab.scale.LabInput;
import mq.lab.scale.Manifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mq chaos}: the same job again and again, one fault per run, every result checked. */
@Command(name = "chaos", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the same job once without a fault and then once per fault (times --runs), each fault fired "
                + "at a seeded random point of the job's progress, and checks every result against the in-process "
                + "baseline: exact, failed with a reason (where the fault leaves no way to finish), wrong, or hung.",
                "Writes chaos.csv, chaos.json, manifest.json, charts (what each fault cost; throughput around each "
                        + "fault) and report.html. Exits 1 if any run is wrong, hung, or failed without need.",
                "Faults: kill-worker, freeze-worker, restart-aggregator, kill-producer, kill-leader (needs --nodes 3), "
                        + "restart-broker, duplicate-chunks, poison. With --bootstrap the broker faults are skipped."})
public final class ChaosCommand implements Callable<Integer> {
    @Mixin
    LabFiles files;

    @Option(names = "--faults", paramLabel = "all|FAULT[,FAULT...]", defaultValue = "all",
            description = "The faults to try (default ${DEFAULT-VALUE}).")
    String faults;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "1",
            description = "Runs per fault, and fault-free runs (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "1",
            description = "1: the local broker (default). 3: a replicated local cluster in --cluster-dir, started if "
                    + "needed, so that a broker's death is a failover, not an outage.")
    int nodes;

    @Option(names = "--cluster-dir", paramLabel = "DIR", defaultValue = "${env:MQ_CLUSTER_DIR:-local/cluster}",
            description = "Folder of the local cluster for --nodes > 1 (default ${DEFAULT-VALUE}).")
    Path clusterDir;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "3", description = "Worker processes (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "1", description = "Threads per worker (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--chunk-size", paramLabel = "ROWS", defaultValue = "10000",
            description = "Records per chunk (default ${DEFAULT-VALUE}).")
    int chunkSize;

    @Option(names = "--job-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "The aggregator fails a job silent this long: how a killed producer's job ends (default ${DEFAULT-VALUE}).")
    long jobTimeoutSeconds;

    @Option(names = "--freeze", paramLabel = "SECONDS", defaultValue = "15",
            description = "How long freeze-worker keeps a worker stopped; past the 10 s session timeout the group "
                    + "moves its partitions (default ${DEFAULT-VALUE}).")
    long freezeSeconds;

    @Option(names = "--deadline", paramLabel = "SECONDS", defaultValue = "240",
            description = "A run with no final report after this long is hung (default ${DEFAULT-VALUE}).")
    long deadlineSeconds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the points where faults fire (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "256m", description = "Heap of each role process (default ${DEFAULT-VALUE}).")
    String heap;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        List<FaultKind> kinds = FaultKind.parse(faults);
        ChaosSettings settings = new ChaosSettings(kinds, runs, workers, threads, chunkSize, heap,
                Duration.ofSeconds(jobTimeoutSeconds), Duration.ofSeconds(freezeSeconds), Duration.ofSeconds(deadlineSeconds), seed);
        if (kafka.hasBootstrap() && nodes > 1) {
            throw new IllegalArgumentException("--nodes starts a local cluster; with --bootstrap the lab uses yours: "
                    + "give one or the other");
        }
        Path dir = files.outDir("chaos");
        LabInput input = files.labInput(dir);
        Instant startedAt = Instant.now();
        BrokerControl brokers = brokers();
        System.err.printf("chaos: %d faults x %d runs (and %d fault-free) on %s, %s -> %s%n", kinds.size(), runs, runs,
                brokers.bootstrap(), input.file(), dir);
        ChaosSetup setup = new ChaosSetup(kafka.settings(brokers.bootstrap()), kafka.asArguments(brokers.bootstrap()),
                kafka.topics(), kafka.chunkPartitions(), brokers, settings);
        ChaosLab.Outcome outcome = new ChaosLab(setup, files.showProgress(), System.out).run(input, dir);

        Map<String, Object> manifestSettings = new LinkedHashMap<>(input.manifestEntries());
        manifestSettings.put("nodes", kafka.hasBootstrap() ? "external" : nodes);
        manifestSettings.put("faults", kinds.stream().map(FaultKind::optionName).toList());
        manifestSettings.put("runs", runs);
        manifestSettings.put("workers", workers);
        manifestSettings.put("threads", threads);
        manifestSettings.put("chunk_size", chunkSize);
        manifestSettings.put("heap", heap);
        manifestSettings.put("job_timeout_s", jobTimeoutSeconds);
        manifestSettings.put("freeze_s", freezeSeconds);
        manifestSettings.put("deadline_s", deadlineSeconds);
        manifestSettings.put("seed", seed);
        manifestSettings.put("chunk_partitions", kafka.chunkPartitions());
        List<Path> written = ChaosReport.write(outcome, kinds, Manifest.of(manifestSettings, brokers.bootstrap(), startedAt), dir);

        System.out.println();
        ChaosReport.explanation(outcome, kinds).forEach(System.out::println);
        System.out.println("\nwrote " + written.size() + " files to " + dir + " (open " + dir.resolve(ChaosReport.HTML) + ")");
        if (nodes > 1) {
            System.out.println("the cluster keeps running; ./mq broker stop --nodes " + nodes + " stops it");
        }
        if (!outcome.problems().isEmpty()) {
            System.err.println("error: some runs did not end as a correct system would:");
            outcome.problems().forEach(r -> System.err.println("  " + r.fault() + " run " + r.run() + ": " + r.outcome()
                    + (r.reason().isBlank() ? "" : " (" + r.reason() + ")")));
            return 1;
        }
        return 0;
    }

    private BrokerControl brokers() {
        if (kafka.hasBootstrap()) {
            return new BrokerControl.External(kafka.bootstrap());
        }
        if (nodes > 1) {
            LocalCluster cluster = LocalCluster.in(clusterDir, nodes);
            return new BrokerControl.Cluster(cluster, cluster.start(BrokerControl.START_TIMEOUT));
        }
        if (nodes < 1) {
            throw new IllegalArgumentException("--nodes must be at least 1, was " + nodes);
        }
        LocalBroker broker = LocalBroker.in(kafka.brokerDir());
        return new BrokerControl.Single(broker, broker.ensureRunning(BrokerControl.START_TIMEOUT));
    }
}
