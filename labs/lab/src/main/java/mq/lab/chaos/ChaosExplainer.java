package mq.lab.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Sentences computed from the lab's numbers: what each fault did to the job, and whether anything went wrong. */
final class ChaosExplainer {
    private ChaosExplainer() {
    }

    static List<String> explain(ChaosLab.Outcome outcome, List<ChaosSummary> faults) {
        List<String> lines = new ArrayList<>();
        List<FaultRun> runs = outcome.runs();
        long fired = runs.stream().filter(r -> r.faultAtMs() >= 0).count();
        long exact = runs.stream().filter(r -> r.outcome().equals(Outcome.EXACT.label())).count();
        long failedRightly = runs.stream().filter(r -> r.outcome().equals(Outcome.FAILED.label()) && r.expected()).count();
        List<FaultRun> problems = outcome.problems();
        lines.add(String.format(Locale.ROOT, "%d runs, %d of them with a fault that fired: %d exact, %d failed as they must "
                        + "(with a reason), %d not as a correct system would (wrong, hung, or failed without need).",
                runs.size(), fired, exact, failedRightly, problems.size()));
        if (outcome.referenceEndToEndMs() > 0) {
            FaultRun clean = runs.stream().filter(r -> r.fault().equals(FaultKind.NONE.optionName())).findFirst().orElseThrow();
            double perS = clean.endToEndMs() > 0 ? recordsOf(outcome) * 1000.0 / clean.endToEndMs() : 0;
            lines.add(String.format(Locale.ROOT, "Without a fault the job took %,d ms end to end (%,.0f records/s); one "
                            + "thread in one process, without Kafka, does %,.0f records/s. Every figure below is against "
                            + "the fault-free runs of this same session.", outcome.referenceEndToEndMs(), perS,
                    outcome.inProcessRecordsPerS()));
        }
        for (ChaosSummary f : faults) {
            lines.add(sentence(f, runs));
        }
        faults.stream().filter(f -> f.runs() > 0 && !f.mustFail() && f.medianRecoveryMs() >= 0)
                .max(java.util.Comparator.comparingLong(ChaosSummary::medianRecoveryMs))
                .ifPresent(f -> lines.add(String.format(Locale.ROOT, "The costliest fault a job survived was %s: "
                        + "merging stood still for %.1f s.", f.fault(), f.medianRecoveryMs() / 1000.0)));
        if (problems.isEmpty()) {
            lines.add("Nothing was lost and nothing counted twice: every job that finished gave exactly the in-process result.");
        } else {
            problems.forEach(p -> lines.add("NOT RIGHT: " + p.fault() + " run " + p.run() + " was " + p.outcome()
                    + (p.reason().isBlank() ? "" : ": " + p.reason())));
        }
        return lines;
    }

    /** The record count in the in-process digest ({@code numbers count=N ...} or {@code records count=N ...}). */
    private static long recordsOf(ChaosLab.Outcome outcome) {
        String digest = outcome.digest();
        int at = digest.indexOf("count=");
        if (at < 0) {
            return 0;
        }
        int end = digest.indexOf(' ', at);
        return Long.parseLong(digest.substring(at + 6, end < 0 ? digest.length() : end));
    }

    private static String sentence(ChaosSummary f, List<FaultRun> runs) {
        String name = f.fault();
        if (f.skipped() > 0 && f.runs() == 0) {
            String why = runs.stream().filter(r -> r.fault().equals(name)).map(FaultRun::reason).findFirst().orElse("");
            return name + ": not tried (" + why + ").";
        }
        int total = f.exact() + f.failed() + f.wrong() + f.hung();
        StringBuilder s = new StringBuilder(name).append(": ");
        if (f.mustFail()) {
            String reason = runs.stream().filter(r -> r.fault().equals(name) && r.outcome().equals(Outcome.FAILED.label()))
                    .map(FaultRun::reason).findFirst().orElse("");
            s.append(String.format(Locale.ROOT, "failed in %d of %d runs, as it must", f.failed(), total));
            if (!reason.isBlank()) {
                s.append(String.format(Locale.ROOT, ", %.1f s after the fault, saying \"%s\"",
                        f.medianRecoveryMs() / 1000.0, reason));
            }
            return s.append('.').toString();
        }
        s.append(String.format(Locale.ROOT, "exact in %d of %d runs", f.exact(), total));
        if (f.failed() + f.wrong() + f.hung() > 0) {
            String why = runs.stream().filter(r -> r.fault().equals(name) && !r.outcome().equals(Outcome.EXACT.label()))
                    .map(r -> r.outcome() + (r.reason().isBlank() ? "" : ": " + r.reason())).findFirst().orElse("");
            s.append(String.format(Locale.ROOT, " (%d failed, %d wrong, %d hung; first: %s)", f.failed(), f.wrong(), f.hung(), why));
        }
        if (f.runs() > 0 && f.medianRecoveryMs() >= 0) {
            s.append(String.format(Locale.ROOT, "; merging paused at most %.1f s after the fault and the job took %+.1f s "
                    + "against a fault-free run", f.medianRecoveryMs() / 1000.0, f.medianDelayMs() / 1000.0));
        }
        if (f.chunksRedone() > 0 || f.duplicatesIgnored() > 0) {
            s.append(String.format(Locale.ROOT, "; %d chunks reduced twice, %d duplicate partials ignored by the aggregator",
                    f.chunksRedone(), f.duplicatesIgnored()));
        }
        if (f.deadLetters() > 0) {
            s.append(String.format(Locale.ROOT, "; %d messages dead-lettered", f.deadLetters()));
        }
        if (f.notInjected() > 0) {
            s.append(String.format(Locale.ROOT, " (in %d runs the job finished before the fault could fire)", f.notInjected()));
        }
        return s.append('.').toString();
    }
}
