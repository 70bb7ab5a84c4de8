package mq.common.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What the aggregator publishes on the results topic (key: the job id). */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ResultMessage.Progress.class, name = "progress"),
        @JsonSubTypes.Type(value = ResultMessage.Final.class, name = "final")})
public sealed interface ResultMessage {
    String job();

    /**
     * Sent a few times a second while a job is in flight.
     *
     * @param expectedChunks -1 until the producer has sent its last chunk
     */
    record Progress(String job, int mergedChunks, int expectedChunks, long records, long at) implements ResultMessage {
    }

    /** The job is over, successfully or not. */
    record Final(String job, JobReport report) implements ResultMessage {
    }
}
