package mq.common.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * What the producer tells the aggregator about a job, on the jobs topic (key: the job id).
 * Every event carries {@code protocol} (absent, 0, means version 1); {@link MessageRules} checks
 * the fields after decoding.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = JobEvent.Started.class, name = "started"),
        @JsonSubTypes.Type(value = JobEvent.Alive.class, name = "alive"),
        @JsonSubTypes.Type(value = JobEvent.Ended.class, name = "ended"),
        @JsonSubTypes.Type(value = JobEvent.Aborted.class, name = "aborted")})
public sealed interface JobEvent {
    String job();

    int protocol();

    /** The aggregator that owns the job ({@link Owner}); {@code null} for the installation's default one. */
    String owner();

    /**
     * Sent before the first chunk.
     *
     * @param outputDir   where the aggregator should write the job's files (an absolute path on the
     *                    aggregator's host), or {@code null} for its own reports folder
     * @param owner       the aggregator that owns the job ({@code null}: the installation's default aggregator)
     * @param aliveEveryMs how often the producer promises an {@link Alive} until it ends the job; 0: no promise
     */
    record Started(String job, JobKind kind, String source, String format, RecordSpec recordSpec,
                   boolean skipBad, String outputDir, long startedAt, String owner, long aliveEveryMs,
                   int protocol) implements JobEvent {
        public Started(String job, JobKind kind, String source, String format, RecordSpec recordSpec,
                       boolean skipBad, String outputDir, long startedAt) {
            this(job, kind, source, format, recordSpec, skipBad, outputDir, startedAt, null, 0, ProtocolVersion.CURRENT);
        }

        public Started withOwner(String newOwner, long newAliveEveryMs) {
            return new Started(job, kind, source, format, recordSpec, skipBad, outputDir, startedAt, newOwner,
                    newAliveEveryMs, protocol);
        }
    }

    /** The producer is still reading and sending (version 2): sent every {@code alive_every_ms} until the job ends. */
    record Alive(String job, long at, String owner, int protocol) implements JobEvent {
    }

    /**
     * Sent after every chunk was acknowledged by the broker: what the aggregator's totals must equal.
     *
     * @param checksum the sum, modulo 2^64, of every chunk body's CRC-32C
     */
    record Ended(String job, int chunks, long records, long blankLines, long bytes, long checksum,
                 long produceMillis, long endedAt, String owner, int protocol) implements JobEvent {
        public Ended(String job, int chunks, long records, long blankLines, long bytes, long checksum,
                     long produceMillis, long endedAt) {
            this(job, chunks, records, blankLines, bytes, checksum, produceMillis, endedAt, null, ProtocolVersion.CURRENT);
        }
    }

    /** The producer could not finish: the job has no result. */
    record Aborted(String job, String reason, List<BadLine> badLines, long abortedAt, String owner, int protocol)
            implements JobEvent {
        public Aborted(String job, String reason, List<BadLine> badLines, long abortedAt) {
            this(job, reason, badLines, abortedAt, null, ProtocolVersion.CURRENT);
        }

        public Aborted {
            badLines = badLines == null ? List.of() : List.copyOf(badLines);
        }
    }
}
