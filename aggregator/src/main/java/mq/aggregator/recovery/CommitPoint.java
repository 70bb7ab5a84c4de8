package mq.aggregator.recovery;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the aggregator may commit: on each partition, the first message of the oldest job still in
 * flight, else everything read. So offsets move as soon as jobs finish, even while others run; a
 * restarted aggregator re-reads exactly the messages of the jobs it had not finished (finished ones
 * are skipped through {@link FinishedJobs}), and a stuck job cannot pin the others' offsets forever
 * because the job timeout finishes it.
 */
public final class CommitPoint {
    private final Map<String, Map<TopicPartition, Long>> firstOffsets = new HashMap<>();

    /** Notes a message of an in-flight job. */
    public void saw(String job, TopicPartition partition, long offset) {
        firstOffsets.computeIfAbsent(job, j -> new HashMap<>()).merge(partition, offset, Math::min);
    }

    public void finished(String job) {
        firstOffsets.remove(job);
    }

    /** The offsets to commit for {@code partitions}, given the consumer's current position on each. */
    public Map<TopicPartition, OffsetAndMetadata> offsets(Set<TopicPartition> partitions, ToLongFunction<TopicPartition> position) {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        for (TopicPartition partition : partitions) {
            long offset = position.applyAsLong(partition);
            for (Map<TopicPartition, Long> job : firstOffsets.values()) {
                Long first = job.get(partition);
                if (first != null) {
                    offset = Math.min(offset, first);
                }
            }
            commit.put(partition, new OffsetAndMetadata(offset));
        }
        return commit;
    }
}
