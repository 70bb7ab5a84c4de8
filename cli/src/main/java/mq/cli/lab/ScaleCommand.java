package mq.cli.lab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import mq.cli.options.Bootstrap;
import mq.cli.options.JitOption;
import mq.cli.options.KafkaOptions;
import mq.lab.scale.LabInput;
import mq.lab.scale.Manifest;
import mq.lab.scale.ScaleGrid;
import mq.lab.scale.ScaleReport;
import mq.lab.scale.ScaleSweep;
import mq.launcher.JitMode;
import mq.worker.GroupType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mq scale}: the same job over a grid of worker counts, threads, chunk sizes and work per record. */
@Command(name = "scale", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the same job once per combination of settings (and --repeat times) against the same broker, "
                + "checks every result is exact, and writes scale.csv, scale.json, manifest.json, PNG charts and "
                + "report.html: throughput, speedup and efficiency against workers with a Universal Scalability Law fit, "
                + "a per-chunk timeline and where each chunk's time went, next to the in-process baseline."})
public final class ScaleCommand implements Callable<Integer> {
    @Mixin
    LabFiles files;

    @Option(names = "--workers", split = ",", paramLabel = "N[,N...]", defaultValue = "1,2,4",
            description = "Worker process counts (default ${DEFAULT-VALUE}).")
    List<Integer> workers;

    @Option(names = "--threads", split = ",", paramLabel = "T[,T...]", defaultValue = "1",
            description = "Threads per worker (default ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--chunk-size", split = ",", paramLabel = "ROWS[,ROWS...]", defaultValue = "10000",
            description = "Records per chunk (default ${DEFAULT-VALUE}).")
    List<Integer> chunkSizes;

    @Option(names = "--work-us", split = ",", paramLabel = "MICROS[,...]", defaultValue = "0",
            description = "Extra CPU work per record in microseconds (default ${DEFAULT-VALUE}).")
    List<Integer> workMicros;

    @Option(names = "--group", split = ",", paramLabel = "TYPE[,TYPE]", defaultValue = "consumer",
            converter = mq.cli.roles.WorkerCommand.GroupTypeConverter.class,
            description = "consumer, share, or both (default ${DEFAULT-VALUE}).")
    List<GroupType> groups;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "3", description = "Runs per combination (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--baseline-threads", split = ",", paramLabel = "T[,T...]",
            description = "Thread counts for the in-process baseline (default: 1, 2, and the number of cores).")
    List<Integer> baselineThreads;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "512m", description = "Heap of each role process (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--jit", paramLabel = "c1|c2|auto", defaultValue = "auto", converter = JitOption.class,
            description = "JIT compilers of the roles and of the in-process baseline alike: c1 only, c2 (tiered), or "
                    + "auto: c1 without --work-us, c2 with it (default ${DEFAULT-VALUE}). manifest.json and each report.json record it.")
    JitMode jit;

    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws Exception {
        ScaleGrid grid = new ScaleGrid(workers, threads, chunkSizes, workMicros, groups, repeat);
        Path dir = files.outDir("scale");
        LabInput input = files.labInput(dir);
        int cores = Runtime.getRuntime().availableProcessors();
        List<Integer> inProcessThreads = baselineThreads != null ? baselineThreads
                : List.of(1, 2, cores).stream().distinct().sorted().toList();

        java.time.Instant startedAt = java.time.Instant.now();
        String bootstrap = Bootstrap.startingLocal(kafka);
        System.err.printf("scale: %d combinations x %d runs on %s, %s -> %s%n", grid.points().size(), repeat, bootstrap,
                input.file(), dir);
        ScaleSweep sweep = new ScaleSweep(new ScaleSweep.Setup(kafka.settings(bootstrap), kafka.asArguments(bootstrap),
                kafka.topics(), kafka.chunkPartitions(), heap, Duration.ofMinutes(30), files.showProgress(), jit), System.out);
        ScaleSweep.Outcome outcome = sweep.run(grid, input, inProcessThreads, dir);

        Map<String, Object> settings = new LinkedHashMap<>(input.manifestEntries());
        settings.put("grid", grid);
        settings.put("baseline_threads", inProcessThreads);
        settings.put("heap", heap);
        settings.put("jit", jit.optionName());
        // What each line really ran with, roles and baseline alike (auto decides per work per record).
        Map<String, String> resolved = new LinkedHashMap<>();
        grid.workMicros().forEach(work -> resolved.put("work_us_" + work, jit.resolve(work).optionName()));
        settings.put("jit_resolved", resolved);
        settings.put("chunk_partitions", kafka.chunkPartitions());
        List<Path> written = ScaleReport.write(outcome, Manifest.of(settings, bootstrap, startedAt), dir);

        System.out.println();
        ScaleReport.explanation(outcome).forEach(System.out::println);
        System.out.println("\nwrote " + written.size() + " files to " + dir + " (open " + dir.resolve(ScaleReport.HTML) + ")");
        if (!outcome.inexact().isEmpty()) {
            System.err.println("error: some runs were not exact:");
            outcome.inexact().forEach(line -> System.err.println("  " + line));
            return 1;
        }
        return 0;
    }
}
