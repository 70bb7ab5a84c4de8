package mq.lab.chaos;

import java.util.Arrays;
import java.util.List;

/**
 * One fault over all its runs: how many ended how, and medians of what it cost.
 *
 * @param runs runs in which the fault fired
 */
public record ChaosSummary(String fault, boolean mustFail, int runs, int exact, int failed, int wrong, int hung,
                           int skipped, int notInjected, long medianRecoveryMs, long medianDelayMs, long chunksRedone,
                           long duplicatesIgnored, long deadLetters, String description) {

    static ChaosSummary of(FaultKind fault, List<FaultRun> all) {
        List<FaultRun> rows = all.stream().filter(r -> r.fault().equals(fault.optionName())).toList();
        List<FaultRun> fired = rows.stream().filter(r -> r.faultAtMs() >= 0).toList();
        return new ChaosSummary(fault.optionName(), fault.mustFail(), fired.size(), count(rows, Outcome.EXACT),
                count(rows, Outcome.FAILED), count(rows, Outcome.WRONG), count(rows, Outcome.HUNG), count(rows, Outcome.SKIPPED),
                fault == FaultKind.NONE ? 0 : (int) rows.stream()
                        .filter(r -> r.faultAtMs() < 0 && !r.outcome().equals(Outcome.SKIPPED.label())).count(),
                median(fired.stream().mapToLong(FaultRun::recoveryMs).toArray()),
                median(rows.stream().filter(r -> r.endToEndMs() >= 0).mapToLong(FaultRun::delayMs).toArray()),
                rows.stream().mapToLong(FaultRun::chunksRedone).sum(), rows.stream().mapToLong(FaultRun::duplicatesIgnored).sum(),
                rows.stream().mapToLong(FaultRun::deadLetters).sum(), fault.description());
    }

    private static int count(List<FaultRun> rows, Outcome outcome) {
        return (int) rows.stream().filter(r -> r.outcome().equals(outcome.label())).count();
    }

    private static long median(long[] values) {
        if (values.length == 0) {
            return -1;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
