package mq.common.protocol;

/**
 * A worker's sign of life on the workers topic (key: the worker id), every few seconds.
 *
 * @param groupType  {@code consumer} or {@code share}
 * @param chunksDone chunks whose partials were acknowledged since the worker started
 */
public record WorkerHeartbeat(String worker, String group, String groupType, int threads, long chunksDone,
                              long startedAt, long at) {
}
