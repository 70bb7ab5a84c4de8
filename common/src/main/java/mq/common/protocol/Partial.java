package mq.common.protocol;

import java.util.List;
import mq.common.exact.NumberStats;
import mq.common.records.RecordVersion;

/**
 * A worker's result for one chunk, on the partials topic (key: the job id).
 *
 * @param records    records the chunk held (good and bad)
 * @param bytes      size of the chunk body
 * @param crc32c     CRC-32C of the body as the worker received it
 * @param producedAt when the producer sent the chunk (epoch ms)
 * @param pickedUpAt when the worker received it (epoch ms)
 * @param doneAt     when the worker finished reducing it (epoch ms)
 * @param busyNanos  time spent reducing the chunk
 * @param numbers    the statistics of a numbers chunk, else {@code null}
 * @param latest     for a records chunk, the latest version of each key within the chunk, else {@code null}
 * @param badCount   lines that could not be used
 * @param badSamples the first few of them
 * @param error      set when the chunk as a whole could not be processed
 * @param owner      the aggregator that owns the job, copied from the chunk's {@code mq-owner} header
 * @param protocol   the protocol version (absent, 0, means version 1)
 */
public record Partial(String job, int chunk, String worker, JobKind kind, long records, long bytes, long crc32c,
                      long producedAt, long pickedUpAt, long doneAt, long busyNanos,
                      NumberStats numbers, List<RecordVersion> latest,
                      long badCount, List<BadLine> badSamples, String error, String owner, int protocol) {
    /** How many bad lines a partial quotes; the rest are only counted. */
    public static final int MAX_BAD_SAMPLES = 5;

    /** A partial of a job of the default aggregator, in the current protocol version. */
    public Partial(String job, int chunk, String worker, JobKind kind, long records, long bytes, long crc32c,
                   long producedAt, long pickedUpAt, long doneAt, long busyNanos,
                   NumberStats numbers, List<RecordVersion> latest,
                   long badCount, List<BadLine> badSamples, String error) {
        this(job, chunk, worker, kind, records, bytes, crc32c, producedAt, pickedUpAt, doneAt, busyNanos, numbers, latest,
                badCount, badSamples, error, null, ProtocolVersion.CURRENT);
    }

    public boolean failed() {
        return error != null;
    }
}
