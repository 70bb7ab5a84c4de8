package mq.lab.chaos;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mq.lab.scale.InProcessBaseline;
import mq.lab.scale.LabInput;
import mq.lab.scale.ResultDigest;
import mq.launcher.console.Progress;
import mq.producer.JobPublisher;

/**
 * Runs the same job again and again: first without a fault (the reference), then with each fault
 * {@code runs} times, and judges every result against the in-process baseline.
 */
public final class ChaosLab {
    /**
     * @param inProcessRecordsPerS the same job in one thread without Kafka
     * @param referenceEndToEndMs  median end to end of the fault-free runs
     */
    public record Outcome(List<FaultRun> runs, List<Timeline> timelines, String digest, double inProcessRecordsPerS,
                          long referenceEndToEndMs) {
        public List<FaultRun> problems() {
            return runs.stream().filter(FaultRun::problem).toList();
        }
    }

    private final ChaosRunner runner;
    private final ChaosSettings settings;
    private final boolean showProgress;
    private final PrintStream out;

    public ChaosLab(ChaosSetup setup, boolean showProgress, PrintStream out) {
        this.runner = new ChaosRunner(setup);
        this.settings = setup.settings();
        this.showProgress = showProgress;
        this.out = out;
    }

    public Outcome run(LabInput input, Path outDir) throws Exception {
        JobPublisher.Request request = input.job("baseline", settings.chunkSize(), null);
        InProcessBaseline.run(request, 0, 1); // warm-up: the JIT compiles the reading and reducing code
        InProcessBaseline.Result baseline = InProcessBaseline.run(request, 0, 1);
        ResultDigest.requireSucceeded(baseline.digest());
        out.printf("in process, 1 thread: %,d records, %,.0f records/s; %s%n", baseline.records(), baseline.recordsPerS(),
                baseline.digest());
        int estimatedChunks = (int) Math.max(1, (baseline.records() + settings.chunkSize() - 1) / settings.chunkSize());

        List<FaultRun> rows = new ArrayList<>();
        List<Timeline> timelines = new ArrayList<>();
        int total = settings.runs() * (settings.faults().size() + 1);
        try (Progress bar = showProgress ? Progress.always("chaos", total, "runs") : Progress.none()) {
            ChaosRunner.Reference reference = new ChaosRunner.Reference(baseline.digest(), estimatedChunks, 0);
            for (int run = 1; run <= settings.runs(); run++) {
                record(runner.run(FaultKind.NONE, run, input, reference, runDir(outDir, FaultKind.NONE, run)), rows, timelines);
                bar.accept(rows.size());
            }
            List<FaultRun> clean = rows.stream().filter(r -> r.outcome().equals(mq.lab.chaos.Outcome.EXACT.label())).toList();
            long referenceMs = median(clean.stream().mapToLong(FaultRun::endToEndMs).sorted().toArray());
            int chunks = clean.isEmpty() ? estimatedChunks : clean.get(0).chunks();
            reference = new ChaosRunner.Reference(baseline.digest(), chunks, referenceMs);
            for (FaultKind fault : settings.faults()) {
                for (int run = 1; run <= settings.runs(); run++) {
                    record(runner.run(fault, run, input, reference, runDir(outDir, fault, run)), rows, timelines);
                    bar.accept(rows.size());
                }
            }
            return new Outcome(rows, timelines, baseline.digest(), baseline.recordsPerS(), referenceMs);
        }
    }

    private void record(ChaosRunner.Result result, List<FaultRun> rows, List<Timeline> timelines) {
        FaultRun r = result.row();
        rows.add(r);
        if (result.timeline() != null) {
            timelines.add(result.timeline());
        }
        out.printf("%-19s run %d: %-7s %s%s%n", r.fault(), r.run(), r.outcome().toUpperCase(java.util.Locale.ROOT),
                r.outcome().equals("skipped") ? r.reason() : String.format("%,6d ms end to end, recovery %s, redone %d, "
                        + "duplicates ignored %d, dead letters %d", r.endToEndMs(),
                        r.recoveryMs() < 0 ? "-" : String.format("%,d ms", r.recoveryMs()), r.chunksRedone(),
                        r.duplicatesIgnored(), r.deadLetters()),
                r.problem() ? "  <-- " + (r.reason().isBlank() ? "not what a correct system does" : r.reason()) : "");
        if (!r.detail().isBlank()) {
            out.println("    " + r.detail() + (r.outcome().equals("failed") ? "; reason: " + r.reason() : ""));
        }
    }

    private static Path runDir(Path outDir, FaultKind fault, int run) {
        return outDir.resolve("runs").resolve(fault.optionName() + "-r" + run).toAbsolutePath();
    }

    private static long median(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }
}
