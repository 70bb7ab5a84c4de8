package mq.worker;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32C;
import mq.common.protocol.ChunkMeta;
import mq.common.protocol.JobKind;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;

/** Chunk messages and offsets for the worker tests that drive a worker through Kafka's mock consumer. */
final class TestChunks {
    private TestChunks() {
    }

    /** Chunk 0 of job-1: the numbers 1 and 2, with valid headers and checksum, at offset 0. */
    static ConsumerRecord<byte[], byte[]> goodChunk(TopicPartition partition) {
        byte[] body = "1\n2\n".getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(body);
        RecordHeaders headers = (RecordHeaders) new ChunkMeta("job-1", 0, JobKind.NUMBERS, "numbers.txt", 1, 0, 2,
                crc.getValue(), 1_000, null, null).toHeaders();
        return new ConsumerRecord<>(partition.topic(), partition.partition(), 0, 0L, TimestampType.CREATE_TIME, 7,
                body.length, "job-1/0".getBytes(StandardCharsets.UTF_8), body, headers, Optional.empty());
    }

    /** The partition's committed offset, or -1 if none. */
    static long committed(MockConsumer<byte[], byte[]> consumer, TopicPartition partition) {
        OffsetAndMetadata committed = consumer.committed(Set.of(partition)).get(partition);
        return committed == null ? -1 : committed.offset();
    }
}
