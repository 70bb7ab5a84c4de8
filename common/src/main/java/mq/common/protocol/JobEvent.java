package mq.common.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** What the producer tells the aggregator about a job, on the jobs topic (key: the job id). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = JobEvent.Started.class, name = "started"),
        @JsonSubTypes.Type(value = JobEvent.Ended.class, name = "ended"),
        @JsonSubTypes.Type(value = JobEvent.Aborted.class, name = "aborted")})
public sealed interface JobEvent {
    String job();

    /**
     * Sent before the first chunk.
     *
     * @param outputDir where the aggregator should write the job's files, or {@code null} for its own reports folder
     */
    record Started(String job, JobKind kind, String source, String format, RecordSpec recordSpec,
                   boolean skipBad, String outputDir, long startedAt) implements JobEvent {
    }

    /**
     * Sent after every chunk was acknowledged by the broker: what the aggregator's totals must equal.
     *
     * @param checksum the sum, modulo 2^64, of every chunk body's CRC-32C
     */
    record Ended(String job, int chunks, long records, long blankLines, long bytes, long checksum,
                 long produceMillis, long endedAt) implements JobEvent {
    }

    /** The producer could not finish: the job has no result. */
    record Aborted(String job, String reason, List<BadLine> badLines, long abortedAt) implements JobEvent {
    }
}
