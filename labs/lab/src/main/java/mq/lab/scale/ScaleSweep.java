package mq.lab.scale;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mq.common.kafka.ClientSettings;
import mq.common.protocol.JobReport;
import mq.common.protocol.Topics;
import mq.launcher.JitMode;
import mq.launcher.JobIds;
import mq.launcher.LocalRun;
import mq.launcher.RawTransfer;
import mq.launcher.console.Progress;
import mq.producer.JobPublisher;

/**
 * Runs every point of a grid {@code repeat} times as a whole job on the same broker and the same
 * input, plus the in-process baseline for each chunk size and work per record, and checks that
 * every run computed exactly the same result as the baseline.
 */
public final class ScaleSweep {
    /** Where the sweep's runs go and how its processes are started. */
    public record Setup(ClientSettings client, List<String> kafkaArguments, Topics topics, int chunkPartitions,
                        String heap, Duration jobTimeout, boolean showProgress, JitMode jit) {
    }

    public record Outcome(List<RunResult> runs, List<PointSummary> summaries, List<Baseline> baselines,
                          List<RawFloor> floors, List<String> inexact) {
    }

    /** Kafka alone for one chunk size: the same chunks produced, then consumed, nothing reduced (the best of the runs). */
    public record RawFloor(int chunkSize, long produceMs, long consumeMs, long totalMs, double recordsPerS) {
        static RawFloor of(int chunkSize, RawTransfer.Result r) {
            return new RawFloor(chunkSize, r.produceMs(), r.consumeMs(), r.totalMs(), r.recordsPerS());
        }
    }

    /** The in-process figures for one chunk size and work per record: one thread, and the best of several. */
    public record Baseline(int chunkSize, int workMicros, double oneThreadRecordsPerS, int bestThreads,
                           double bestRecordsPerS, String digest) {
        static Baseline faster(Baseline a, Baseline b) {
            Baseline best = a.bestRecordsPerS() >= b.bestRecordsPerS() ? a : b;
            return new Baseline(a.chunkSize(), a.workMicros(), Math.max(a.oneThreadRecordsPerS(), b.oneThreadRecordsPerS()),
                    best.bestThreads(), best.bestRecordsPerS(), a.digest());
        }
    }

    private final Setup setup;
    private final PrintStream out;

    public ScaleSweep(Setup setup, PrintStream out) {
        this.setup = setup;
        this.out = out;
    }

    public Outcome run(ScaleGrid grid, LabInput input, List<Integer> baselineThreads, Path outDir) throws Exception {
        List<Baseline> baselines = baselines(grid, input, baselineThreads, outDir);
        List<RawFloor> floors = floors(grid, input);
        List<RunResult> runs = new ArrayList<>();
        List<String> inexact = new ArrayList<>();
        try (Progress bar = setup.showProgress() ? Progress.always("sweep", grid.runs(), "runs") : Progress.none()) {
            int done = 0;
            for (ScalePoint point : grid.points()) {
                for (int repeat = 1; repeat <= grid.repeat(); repeat++) {
                    Path runDir = outDir.resolve("runs").resolve(point.folderName() + "-r" + repeat);
                    JobPublisher.Request request = input.job(JobIds.next(), point.chunkSize(), runDir);
                    JobReport report;
                    try (LocalRun run = new LocalRun(setup.client(), setup.kafkaArguments(), setup.topics(),
                            setup.chunkPartitions(), new LocalRun.Settings(point.workers(), point.threads(),
                            point.workMicros(), point.group(), setup.heap(), setup.jobTimeout(), false, setup.jit()))) {
                        report = run.execute(request, runDir);
                    }
                    Ledger ledger = Ledger.of(Ledger.read(runDir), point.workers(), report.timings().endToEndMs());
                    RunResult result = RunResult.of(point, repeat, report, ledger, ResultDigest.ofRun(report, runDir),
                            runDir.toString());
                    runs.add(result);
                    String expected = baseline(baselines, point).digest();
                    if (!result.verified() || !result.digest().equals(expected)) {
                        inexact.add(point.folderName() + " run " + repeat + ": " + result.digest() + " but in process: " + expected);
                    }
                    bar.accept(++done);
                    out.printf("%-40s run %d: %,12.0f records/s  %,8d ms  %s%n", point.folderName(), repeat,
                            result.recordsPerS(), result.endToEndMs(), result.verified() && result.digest().equals(expected)
                                    ? "exact" : "NOT EXACT");
                }
            }
        }
        // Measured again after the sweep, keeping the faster figure: load from elsewhere on a shared
        // machine then skews the baseline less than it would with a single measurement.
        List<Baseline> again = baselines(grid, input, baselineThreads, outDir);
        List<Baseline> best = new ArrayList<>();
        for (int i = 0; i < baselines.size(); i++) {
            best.add(Baseline.faster(baselines.get(i), again.get(i)));
        }
        return new Outcome(runs, summarise(grid, runs), best, floors, inexact);
    }

    /**
     * The in-process figures, measured in a JVM of their own with the roles' JIT mode and heap: one
     * per work per record, as AUTO gives busy work a different compiler than none.
     */
    private List<Baseline> baselines(ScaleGrid grid, LabInput input, List<Integer> threads, Path outDir) throws Exception {
        List<Baseline> baselines = new ArrayList<>();
        for (int work : grid.workMicros()) {
            JitMode jit = setup.jit().resolve(work);
            BaselineRequest request = new BaselineRequest(input, work, grid.repeat(), grid.chunkSizes(), threads);
            List<Baseline> measured = BaselineProcess.measure(request, jit, setup.heap(), outDir.resolve("logs"),
                    "baseline-work" + work);
            for (Baseline b : measured) {
                ResultDigest.requireSucceeded(b.digest());
                out.printf("in process (%s), chunk %d, work %d µs: 1 thread %,.0f records/s; best %d threads %,.0f records/s%n",
                        jit.optionName(), b.chunkSize(), work, b.oneThreadRecordsPerS(), b.bestThreads(), b.bestRecordsPerS());
            }
            baselines.addAll(measured);
        }
        return baselines;
    }

    /** The raw queue per chunk size: the best of {@code repeat} produce-then-consume transfers of the same chunks. */
    private List<RawFloor> floors(ScaleGrid grid, LabInput input) throws Exception {
        RawTransfer transfer = new RawTransfer(setup.client(), setup.chunkPartitions());
        List<RawFloor> floors = new ArrayList<>();
        for (int chunk : grid.chunkSizes()) {
            JobPublisher.Request request = input.job(JobIds.next(), chunk, null);
            RawTransfer.Result best = null;
            for (int i = 0; i < grid.repeat(); i++) {
                RawTransfer.Result r = transfer.run(request);
                if (best == null || r.totalMs() < best.totalMs()) {
                    best = r;
                }
            }
            RawFloor floor = RawFloor.of(chunk, best);
            floors.add(floor);
            out.printf("raw queue, chunk %d: produce %,d ms then consume %,d ms = %,.0f records/s (no reducing)%n",
                    chunk, floor.produceMs(), floor.consumeMs(), floor.recordsPerS());
        }
        return floors;
    }

    static RawFloor floor(List<RawFloor> floors, ScalePoint point) {
        return floors.stream().filter(f -> f.chunkSize() == point.chunkSize()).findFirst().orElse(null);
    }

    static Baseline baseline(List<Baseline> baselines, ScalePoint point) {
        return baselines.stream().filter(b -> b.chunkSize() == point.chunkSize() && b.workMicros() == point.workMicros())
                .findFirst().orElseThrow();
    }

    /** Medians per point; speedup against the same line's fewest-workers point. */
    static List<PointSummary> summarise(ScaleGrid grid, List<RunResult> runs) {
        Map<ScalePoint, List<RunResult>> byPoint = new LinkedHashMap<>();
        runs.forEach(r -> byPoint.computeIfAbsent(r.point(), p -> new ArrayList<>()).add(r));
        List<PointSummary> summaries = new ArrayList<>();
        int fewest = grid.workers().get(0);
        for (Map.Entry<ScalePoint, List<RunResult>> entry : byPoint.entrySet()) {
            ScalePoint point = entry.getKey();
            List<RunResult> base = byPoint.get(point.withWorkers(fewest));
            double baseline = base == null ? Double.NaN
                    : PointSummary.median(base.stream().mapToDouble(RunResult::recordsPerS).sorted().toArray());
            summaries.add(PointSummary.of(point, entry.getValue(), baseline, fewest));
        }
        return summaries;
    }
}
