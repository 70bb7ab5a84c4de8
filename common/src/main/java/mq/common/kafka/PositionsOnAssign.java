package mq.common.kafka;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a group's starting position durable the moment partitions are assigned.
 *
 * <p>A new group starts at the end of its topics ({@code auto.offset.reset=latest}), so old jobs
 * are never replayed to it. Without a commit, that "end" would only be looked up lazily and a
 * message produced in between could be skipped, and a consumer that crashed before its first
 * commit would leave its successor to look "the end" up again, later. Committing the position
 * on assignment closes both gaps, and lets a launcher wait until every partition has a committed
 * offset before it produces (see the launcher's GroupReadiness).
 */
public final class PositionsOnAssign implements ConsumerRebalanceListener {
    private static final Logger LOG = LoggerFactory.getLogger(PositionsOnAssign.class);

    private final Consumer<?, ?> consumer;
    private final String who;

    public PositionsOnAssign(Consumer<?, ?> consumer, String who) {
        this.consumer = consumer;
        this.who = who;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
        for (TopicPartition partition : partitions) {
            positions.put(partition, new OffsetAndMetadata(consumer.position(partition)));
        }
        consumer.commitSync(positions);
        LOG.info("{} assigned {}", who, partitions);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        // Nothing to hand over: the next owner re-reads whatever was not committed. A worker commits at the
        // end of every loop iteration (so at most one batch is redone); the aggregator commits up to the first
        // message of its oldest unfinished job (so a successor re-reads those jobs, and merging is idempotent).
        if (!partitions.isEmpty()) {
            LOG.info("{} revoked {}", who, partitions);
        }
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        LOG.warn("{} lost {} (their next owner re-reads what was not committed)", who, partitions);
    }
}
