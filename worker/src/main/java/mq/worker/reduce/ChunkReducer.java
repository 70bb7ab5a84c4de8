package mq.worker.reduce;

import java.util.List;
import mq.common.exact.NumberStats;
import mq.common.protocol.BadLine;
import mq.common.protocol.ChunkHeaders;
import mq.common.protocol.ChunkMeta;
import mq.common.protocol.JobId;
import mq.common.protocol.ProtocolVersion;
import mq.common.protocol.MalformedMessageException;
import mq.common.protocol.Partial;
import mq.common.records.RecordVersion;
import org.apache.kafka.common.header.Headers;

/**
 * Turns one chunk message into its partial result: a pure function of the message (plus the
 * clock readings it reports), so that tests can call it directly and any worker, thread or retry
 * computes the same partial for the same chunk.
 */
public final class ChunkReducer {
    private final String workerId;
    private final NumbersReducer numbers;
    private final RecordsReducer records;

    public ChunkReducer(String workerId, BusyWork busyWork) {
        this.workerId = workerId;
        this.numbers = new NumbersReducer(busyWork);
        this.records = new RecordsReducer(busyWork);
    }

    /**
     * Never throws: a chunk that cannot be processed yields a partial that says why, so the job fails
     * loudly; {@code null} only when the headers do not even name a valid job (see {@link #check}).
     */
    /** Why a chunk message breaks the protocol (a dead letter), or {@code null} when its headers are fine. */
    public static String check(Headers headers) {
        try {
            ChunkMeta.fromHeaders(headers);
            return null;
        } catch (MalformedMessageException e) {
            return e.getMessage();
        }
    }

    public Partial reduce(Headers headers, byte[] body, long pickedUpAt) {
        long start = System.nanoTime();
        ChunkMeta meta;
        try {
            meta = ChunkMeta.fromHeaders(headers);
        } catch (MalformedMessageException | IllegalArgumentException e) {
            return failed(headers, body, pickedUpAt, start, e.getMessage());
        }
        byte[] safeBody = body == null ? new byte[0] : body;
        long crc = ChunkMeta.crc32c(safeBody);
        if (crc != meta.crc32c()) {
            return partial(meta, safeBody, crc, pickedUpAt, start, 0, null, null, 0, List.of(),
                    "chunk " + meta.index() + " is corrupt: CRC-32C " + crc + " but the producer sent " + meta.crc32c());
        }
        Partial partial = switch (meta.kind()) {
            case NUMBERS -> {
                NumbersReducer.Result r = numbers.reduce(meta, safeBody);
                yield partial(meta, safeBody, crc, pickedUpAt, start, r.stats().count() + r.bad().count(),
                        r.stats().build(), null, r.bad().count(), r.bad().samples(), null);
            }
            case RECORDS -> {
                RecordsReducer.Result r;
                try {
                    r = records.reduce(meta, safeBody);
                } catch (IllegalArgumentException e) { // a timestamp format or zone no producer of ours sends
                    yield partial(meta, safeBody, crc, pickedUpAt, start, 0, null, null, 0, List.of(),
                            "chunk " + meta.index() + " has a bad timestamp format or zone: " + e.getMessage());
                }
                yield partial(meta, safeBody, crc, pickedUpAt, start, r.records(),
                        null, r.latest().sortedByKey(), r.bad().count(), r.bad().samples(), null);
            }
        };
        if (partial.records() != meta.records()) {
            return partial(meta, safeBody, crc, pickedUpAt, start, partial.records(), null, null, 0, List.of(),
                    "chunk " + meta.index() + " holds " + partial.records() + " records but its header "
                            + ChunkHeaders.RECORDS + " says " + meta.records());
        }
        return partial;
    }

    private Partial partial(ChunkMeta meta, byte[] body, long crc, long pickedUpAt, long startNanos, long recordCount,
                            NumberStats stats, List<RecordVersion> latest,
                            long badCount, List<BadLine> badSamples, String error) {
        return new Partial(meta.job(), meta.index(), workerId, meta.kind(), recordCount, body.length, crc,
                meta.producedAt(), pickedUpAt, System.currentTimeMillis(), System.nanoTime() - startNanos,
                stats, latest, badCount, badSamples, error, meta.owner(), ProtocolVersion.CURRENT);
    }

    /**
     * The partial of a chunk whose headers break the protocol, so that its job fails with the
     * reason; {@code null} when not even the job can be told (the chunk is then only a dead letter).
     */
    private Partial failed(Headers headers, byte[] body, long pickedUpAt, long startNanos, String error) {
        String job = ChunkMeta.header(headers, ChunkHeaders.JOB);
        if (!JobId.isValid(job)) {
            return null;
        }
        String chunk = ChunkMeta.header(headers, ChunkHeaders.CHUNK);
        int index = 0;
        try {
            index = chunk == null ? 0 : Math.max(0, Integer.parseInt(chunk));
        } catch (NumberFormatException ignored) {
            // the error below already names the bad header
        }
        String owner = ChunkMeta.header(headers, ChunkHeaders.OWNER);
        return new Partial(job, index, workerId, null, 0, body == null ? 0 : body.length, 0,
                0, pickedUpAt, System.currentTimeMillis(), System.nanoTime() - startNanos,
                null, null, 0, List.of(), "unreadable chunk message: " + error,
                JobId.isValid(owner) ? owner : null, ProtocolVersion.CURRENT);
    }
}
