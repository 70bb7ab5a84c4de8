package mq.common.protocol;

/**
 * Which aggregator owns a job. Every job has exactly one owner, so two aggregators on one topic
 * prefix never both finalise it: a job's messages name their owner ({@code owner} in events and
 * partials, {@code mq-owner} on chunks), an aggregator started with an owner name takes only the
 * jobs naming it, and the default aggregator (no name) takes only the jobs naming none.
 * {@code mq run} gives its own aggregator a name of its own, so it can share a prefix with
 * long-running roles. Names follow the job-id grammar.
 */
public final class Owner {
    private Owner() {
    }

    /** Returns the name (or {@code null} for the default aggregator), or throws naming where it was found. */
    public static String check(String owner, String where) {
        if (owner == null) {
            return null;
        }
        if (!JobId.isValid(owner)) {
            throw new MalformedMessageException(where + " is " + Terminal.quote(owner)
                    + ", not a name of letters, digits, '.', '_' or '-'");
        }
        return owner;
    }

    /** Whether an aggregator called {@code aggregator} (null: the default one) owns a job whose messages name {@code owner}. */
    public static boolean owns(String aggregator, String owner) {
        return aggregator == null ? owner == null : aggregator.equals(owner);
    }
}
