package mq.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import mq.common.kafka.ClientSettings;
import mq.common.protocol.ChunkMeta;
import mq.producer.JobPublisher;
import mq.producer.input.ChunkDraft;
import mq.producer.input.ChunkReader;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The messaging floor: the same chunks (same bodies, same headers, same partitions, same client
 * settings) produced to a topic of their own and then consumed, with no reducing and no merging.
 * It is what a user gets from Kafka alone, so the pipeline's end-to-end time is judged against it.
 *
 * <p>The consumer reads by assignment from the beginning: no group join, which makes the floor as
 * low as Kafka allows on this machine.
 */
public final class RawTransfer {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration IDLE_LIMIT = Duration.ofSeconds(60);

    /** One transfer's figures; {@code totalMs} is producing then consuming, one after the other. */
    public record Result(int chunks, long records, long bytes, long produceMs, long consumeMs) {
        public long totalMs() {
            return produceMs + consumeMs;
        }

        public double recordsPerS() {
            return records * 1000.0 / Math.max(1, totalMs());
        }
    }

    private final ClientSettings client;
    private final int partitions;

    public RawTransfer(ClientSettings client, int partitions) {
        this.client = client;
        this.partitions = partitions;
    }

    /** Produces every chunk of {@code request}'s file to a new topic, consumes them all, and deletes the topic. */
    public Result run(JobPublisher.Request request) throws IOException, InterruptedException {
        String topic = "mq-raw-" + JobIds.next().substring(4);
        try (Admin admin = Admin.create(client.admin("mq-raw-admin"))) {
            ScratchTopics.create(admin, client, topic, partitions);
            try {
                long start = System.nanoTime();
                long[] sent = produce(request, topic);
                long produced = System.nanoTime();
                long bytes = consume(topic, (int) sent[0]);
                long consumed = System.nanoTime();
                return new Result((int) sent[0], sent[1], bytes, (produced - start) / 1_000_000, (consumed - produced) / 1_000_000);
            } finally {
                ScratchTopics.deleteAll(admin, topic);
            }
        }
    }

    /** @return chunks and records sent */
    private long[] produce(JobPublisher.Request request, String topic) throws IOException {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long chunks = 0;
        long records = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(client.producer("mq-raw-producer"));
             ChunkReader reader = ChunkReader.open(request.input(), request.format(), request.rowsPerChunk())) {
            ChunkDraft draft;
            while ((draft = reader.next()) != null) {
                long now = System.currentTimeMillis();
                ChunkMeta meta = request.chunkMeta(draft, now);
                producer.send(new ProducerRecord<>(topic, draft.index() % partitions, now,
                        (request.job() + "/" + draft.index()).getBytes(StandardCharsets.UTF_8), draft.body(), meta.toHeaders()),
                        (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
                chunks++;
                records += draft.records();
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IOException("raw transfer: sending to " + topic + " failed: " + failure.get().getMessage(), failure.get());
        }
        return new long[] {chunks, records};
    }

    /** @return the bytes of the chunk bodies read back */
    private long consume(String topic, int chunks) {
        List<TopicPartition> all = IntStream.range(0, partitions).mapToObj(p -> new TopicPartition(topic, p)).toList();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(client.reader("mq-raw-consumer"))) {
            consumer.assign(all);
            consumer.seekToBeginning(all);
            int read = 0;
            long bytes = 0;
            long idleSince = System.nanoTime();
            while (read < chunks) {
                var batch = consumer.poll(POLL);
                if (batch.isEmpty() && System.nanoTime() - idleSince > IDLE_LIMIT.toNanos()) {
                    throw new IllegalStateException("raw transfer: read " + read + " of " + chunks + " chunks from " + topic);
                }
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    if (ScratchTopics.isProbe(record)) {
                        continue;
                    }
                    read++;
                    bytes += record.value().length;
                    idleSince = System.nanoTime();
                }
            }
            return bytes;
        }
    }
}
