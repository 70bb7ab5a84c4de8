package mq.common.protocol;

/**
 * The six topics of the system. A prefix lets several independent installations share a cluster.
 *
 * @param chunks   producer to workers: one message per chunk of input
 * @param partials workers to aggregator: one partial result per chunk
 * @param jobs     producer to aggregator: job started, ended or aborted
 * @param results  aggregator to whoever waits: job progress and final reports
 * @param workers  workers to {@code mq status}: a heartbeat every few seconds
 * @param dead     any role to whoever looks: messages that broke the protocol, with where they came from and why
 */
public record Topics(String chunks, String partials, String jobs, String results, String workers, String dead) {
    /** Enough partitions for 24 workers, the largest group the lab runs. */
    public static final int DEFAULT_CHUNK_PARTITIONS = 24;

    public static Topics withPrefix(String prefix) {
        return new Topics(prefix + "chunks", prefix + "partials", prefix + "jobs", prefix + "results", prefix + "workers",
                prefix + "dead");
    }
}
