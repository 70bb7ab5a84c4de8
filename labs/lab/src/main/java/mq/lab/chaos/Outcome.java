package mq.lab.chaos;

/** How a run ended, judged against the in-process baseline. */
public enum Outcome {
    /** The final report equals the in-process result exactly and is verified. */
    EXACT,
    /** The job failed and said why (right only where the fault leaves no way to finish). */
    FAILED,
    /** A final report with a result other than the in-process one: something was lost or counted twice. */
    WRONG,
    /** No final report before the deadline. */
    HUNG,
    /** The fault cannot be tried here (e.g. a broker fault against a --bootstrap cluster). */
    SKIPPED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
