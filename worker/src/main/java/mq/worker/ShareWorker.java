package mq.worker;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import mq.common.kafka.ClientFactory;
import mq.common.protocol.Topics;
import mq.worker.reduce.ChunkReducer;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.ShareConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker in a share group (KIP-932): the broker hands out individual chunks, not partitions, so
 * more workers than partitions can take part and a slow worker does not hold a whole partition.
 *
 * <p>Each chunk is acknowledged ({@code ACCEPT}) only after its partial is acknowledged by the
 * broker; if sending fails the chunks are {@code RELEASE}d for redelivery. A crashed worker's
 * chunks come back to other members, with a higher delivery count; the aggregator drops any
 * duplicate partial, so the result stays exact. There is no ordering.
 */
public final class ShareWorker extends WorkerLoop<ShareConsumer<byte[], byte[]>> {
    private static final Logger LOG = LoggerFactory.getLogger(ShareWorker.class);

    public ShareWorker(ClientFactory<ShareConsumer<byte[], byte[]>> consumers, Producer<byte[], byte[]> producer,
                       Topics topics, String workerId, int threadCount, ChunkReducer reducer, MeterRegistry meters) {
        super(consumers, producer, topics, workerId, threadCount, reducer, meters);
    }

    @Override
    protected void subscribe() {
        consumer().subscribe(Set.of(topics.chunks()));
    }

    @Override
    protected ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
        return consumer().poll(timeout);
    }

    @Override
    protected boolean confirm(List<ConsumerRecord<byte[], byte[]>> chunks, Set<ConsumerRecord<byte[], byte[]>> dead,
                              boolean sent) {
        AcknowledgeType outcome = sent ? AcknowledgeType.ACCEPT : AcknowledgeType.RELEASE;
        for (ConsumerRecord<byte[], byte[]> chunk : chunks) {
            // A dead letter is written already: REJECT it so that no member gets it again.
            consumer().acknowledge(chunk, dead.contains(chunk) ? AcknowledgeType.REJECT : outcome);
        }
        try {
            consumer().commitSync().forEach((partition, error) -> error.ifPresent(e ->
                    LOG.warn("share worker {}: acknowledging {} failed ({}); those chunks will be redelivered",
                            workerId, partition, e.getMessage())));
        } catch (WakeupException e) {
            throw e;
        } catch (KafkaException e) {
            // The partials are out; if the chunks come back the aggregator drops the duplicate partials.
            LOG.warn("share worker {}: acknowledging failed ({}); the chunks may be redelivered", workerId, e.getMessage());
        }
        return sent;
    }

    @Override
    protected void wakeUpConsumer() {
        consumer().wakeup();
    }
}
