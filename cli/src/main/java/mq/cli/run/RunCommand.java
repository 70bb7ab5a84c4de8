package mq.cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import mq.aggregator.state.LatestStates;
import mq.cli.options.Bootstrap;
import mq.cli.options.JitOption;
import mq.cli.options.JobOptions;
import mq.cli.options.KafkaOptions;
import mq.cli.options.LimitsOptions;
import mq.common.protocol.JobReport;
import mq.common.protocol.Limits;
import mq.common.protocol.Terminal;
import mq.launcher.JobIds;
import mq.launcher.JitMode;
import mq.launcher.LocalRun;
import mq.launcher.ReportPrinter;
import mq.worker.GroupType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mq run}: one job end to end with its own aggregator and worker processes. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs one job end to end: starts the local broker if needed (unless --bootstrap), an aggregator "
                + "and N worker processes, produces the file, waits for the verified result, stops what it started and "
                + "prints the report. Exit code 0 when the job succeeded, 1 when it failed."})
public final class RunCommand implements Callable<Integer> {
    @Mixin
    JobOptions job;

    @Mixin
    RunSettingsOptions run;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    LimitsOptions limits;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Where report.json (and records.jsonl) go (default: runs/<job id>).")
    Path out;

    @Override
    public Integer call() throws Exception {
        limits.apply();
        String jobId = JobIds.next();
        Path outDir = out != null ? out : Path.of("runs", jobId);
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            // A folder that cannot be made is a usage error (exit 2), found before any process starts.
            throw new ParameterException(spec.commandLine(), "--out " + Terminal.quote(outDir.toString())
                    + ": cannot create the folder (" + Terminal.escape(e.toString()) + ")");
        }
        LocalRun.Settings settings = run.settings();
        String bootstrap = Bootstrap.startingLocal(kafka);
        JobReport report = execute(kafka, bootstrap, settings, job, jobId, outDir);
        ReportPrinter.print(report, outDir, System.out);
        return report.succeeded() ? 0 : 1;
    }

    static JobReport execute(KafkaOptions kafka, String bootstrap, LocalRun.Settings settings, JobOptions job,
                             String jobId, Path outDir) throws Exception {
        var request = job.request(jobId, outDir);
        System.err.printf("job %s: %s with %d worker(s) x %d thread(s) on %s%n", jobId, job.input(),
                settings.workers(), settings.threads(), bootstrap);
        try (LocalRun localRun = new LocalRun(kafka.settings(bootstrap), roleArguments(kafka, bootstrap), kafka.topics(),
                kafka.chunkPartitions(), settings)) {
            return localRun.execute(request, outDir);
        }
    }

    /** What every role process of the run is started with: the cluster, and the run's limits. */
    static List<String> roleArguments(KafkaOptions kafka, String bootstrap) {
        List<String> arguments = new ArrayList<>(kafka.asArguments(bootstrap));
        arguments.addAll(LimitsOptions.asArguments(Limits.current()));
        return arguments;
    }

    /** Options about the processes a run starts; shared with {@code demo}. */
    public static final class RunSettingsOptions {
        @Option(names = "--workers", paramLabel = "N", defaultValue = "4", description = "Worker processes (default ${DEFAULT-VALUE}).")
        int workers;

        @Option(names = "--threads", paramLabel = "T", defaultValue = "1", description = "Threads per worker (default ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--work-us", paramLabel = "MICROS", defaultValue = "0",
                description = "Extra CPU work per record in each worker, in microseconds (default ${DEFAULT-VALUE}).")
        int workMicros;

        @Option(names = "--group", paramLabel = "TYPE", defaultValue = "consumer",
                converter = mq.cli.roles.WorkerCommand.GroupTypeConverter.class,
                description = "consumer: a consumer group (at most one busy worker per partition); share: a share group "
                        + "(KIP-932; chunks handed out one by one) (default ${DEFAULT-VALUE}).")
        GroupType groupType;

        @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "512m",
                description = "Maximum heap of each worker and aggregator process (default ${DEFAULT-VALUE}).")
        String heap;

        @Option(names = "--state-heap-budget", paramLabel = "SIZE|auto|off",
                description = "The aggregator's heap for the latest record of each key; past it they spill to a RocksDB "
                        + "store under the run's folder, deleted at the end: a size (64m, 1g), auto (a quarter of --heap) "
                        + "or off (never spill) (default: auto).")
        String stateHeapBudget;

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "600",
                description = "Give up waiting for the result after this long (default ${DEFAULT-VALUE}).")
        long timeoutSeconds;

        @Option(names = "--jit", paramLabel = "c1|c2|auto", defaultValue = "auto", converter = JitOption.class,
                description = "JIT compilers of the role processes: c1 only, c2 (tiered, the JDK's default), or auto: "
                        + "c1 without --work-us, c2 with it (default ${DEFAULT-VALUE}). report.json records it.")
        JitMode jit;

        @Option(names = "--no-progress", description = "No progress bars.")
        boolean noProgress;

        public LocalRun.Settings settings() {
            if (stateHeapBudget != null) {
                LatestStates.heapBudget(stateHeapBudget, 0); // a usage error now, not a failed aggregator later
            }
            return new LocalRun.Settings(workers, threads, workMicros, groupType, heap, Duration.ofSeconds(timeoutSeconds),
                    !noProgress, jit, stateHeapBudget);
        }
    }
}
