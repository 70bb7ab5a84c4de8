package mq.lab.chaos;

/**
 * One job with one fault: a row of {@code chaos.csv}.
 *
 * @param expected      the outcome a correct system gives (exact, or failed where the fault leaves no way to finish)
 * @param faultAtMs     when the fault fired, in ms from the job's start (-1: it did not)
 * @param recoveryMs    the longest time from the fault on in which no chunk was merged (-1 where it does not apply)
 * @param delayMs       end to end against the fault-free runs' median
 * @param partials      partials the workers sent for the job
 * @param chunksRedone  partials beyond one per chunk: chunks reduced more than once
 * @param deadLetters   messages sent to the dead-letter topic during the run
 */
public record FaultRun(String fault, int run, String outcome, boolean expected, String reason, String detail,
                       long faultAtMs, long endToEndMs, long recoveryMs, long delayMs, int chunks, long partials,
                       long chunksRedone, long duplicatesIgnored, long deadLetters, String digest, String outDir) {

    /** Wrong, hung, or not what a correct system does. */
    public boolean problem() {
        return !expected;
    }
}
