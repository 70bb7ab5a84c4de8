package mq.worker.reduce;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32C;
import mq.common.protocol.ChunkMeta;
import mq.common.protocol.JobKind;
import mq.common.protocol.RecordSpec;
import org.apache.kafka.common.header.Headers;

/** Builds chunk messages the way the producer does, for tests. */
final class Chunks {
    static final String JOB = "job-1";
    static final RecordSpec SPEC = new RecordSpec("id", "updated_at", List.of("price", "qty"));

    private Chunks() {
    }

    static long crc32c(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return crc.getValue();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static Headers numbers(int index, long firstLine, long firstRecord, byte[] body) {
        return new ChunkMeta(JOB, index, JobKind.NUMBERS, "numbers.txt", firstLine, firstRecord, 0, crc32c(body),
                1_000, null, false, null).toHeaders();
    }

    static Headers records(int index, long firstLine, long firstRecord, byte[] body, long[] lines) {
        return new ChunkMeta(JOB, index, JobKind.RECORDS, "records.jsonl", firstLine, firstRecord, 0, crc32c(body),
                1_000, SPEC, false, lines).toHeaders();
    }
}
