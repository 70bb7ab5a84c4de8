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
        return new ChunkMeta(JOB, index, JobKind.NUMBERS, "numbers.txt", firstLine, firstRecord, records(body),
                crc32c(body), 1_000, null, null).toHeaders();
    }

    static Headers records(int index, long firstLine, long firstRecord, byte[] body, long[] lines) {
        return new ChunkMeta(JOB, index, JobKind.RECORDS, "records.jsonl", firstLine, firstRecord, records(body),
                crc32c(body), 1_000, SPEC, lines).toHeaders();
    }

    /** What mq-records says: the body's lines that are not blank, as the producer counts them. */
    static int records(byte[] body) {
        int records = 0;
        for (String line : new String(body, StandardCharsets.UTF_8).split("\n", -1)) {
            if (!line.isBlank()) {
                records++;
            }
        }
        return records;
    }
}
