package mq.producer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import mq.common.protocol.BadLine;
import mq.common.protocol.ChunkMeta;
import mq.common.protocol.JobEvent;
import mq.common.protocol.JobId;
import mq.common.protocol.JobKind;
import mq.common.protocol.Limits;
import mq.common.protocol.Json;
import mq.common.protocol.ProtocolVersion;
import mq.common.protocol.RecordSpec;
import mq.common.protocol.Terminal;
import mq.common.protocol.Topics;
import mq.producer.input.ChunkDraft;
import mq.producer.input.ChunkReader;
import mq.producer.input.InputException;
import mq.producer.input.InputFormat;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;

/**
 * Publishes one input file as a job: a "started" event, one message per chunk, then an "ended"
 * event carrying the totals the aggregator must reproduce (records, checksum, chunk count).
 *
 * <p>Chunks are sent asynchronously and spread round-robin over the chunk topic's partitions;
 * the producer's buffer bounds memory and blocks reading when the broker falls behind. "Ended"
 * is sent only after every chunk has been acknowledged, so its totals describe what the broker
 * really holds. On bad input or a failed send the job is aborted instead.
 */
public final class JobPublisher {
    private final Producer<byte[], byte[]> producer;
    private final Topics topics;
    private final int chunkPartitions;

    public JobPublisher(Producer<byte[], byte[]> producer, Topics topics, int chunkPartitions) {
        this.producer = producer;
        this.topics = topics;
        this.chunkPartitions = chunkPartitions;
    }

    /**
     * @param job       the job id (see {@link JobId}); ids must be unique: a reused id of a finished
     *                  job is ignored by the aggregator, which already reported it
     * @param outputDir where the aggregator should write the job's files (made absolute), or {@code null}
     * @param owner     the aggregator that owns the job ({@link mq.common.protocol.Owner}), or {@code null}
     */
    public record Request(String job, Path input, InputFormat format, RecordSpec recordSpec, int rowsPerChunk,
                          boolean skipBad, String outputDir, String owner) {
        public Request {
            if (!JobId.isValid(job)) {
                throw new IllegalArgumentException("job id " + Terminal.quote(job) + " is not 1 to " + JobId.MAX_LENGTH
                        + " letters, digits, '.', '_' or '-' starting with a letter or digit");
            }
            outputDir = outputDir == null ? null : Path.of(outputDir).toAbsolutePath().normalize().toString();
        }

        public Request(String job, Path input, InputFormat format, RecordSpec recordSpec, int rowsPerChunk,
                       boolean skipBad, String outputDir) {
            this(job, input, format, recordSpec, rowsPerChunk, skipBad, outputDir, null);
        }

        /** The same job for the aggregator called {@code newOwner}. */
        public Request ownedBy(String newOwner) {
            return new Request(job, input, format, recordSpec, rowsPerChunk, skipBad, outputDir, newOwner);
        }

        /** The input's file name, as error messages name it. */
        public String source() {
            return input.getFileName().toString();
        }

        /** The headers of one chunk of this job, sent at {@code producedAt}. */
        public ChunkMeta chunkMeta(ChunkDraft draft, long producedAt) {
            return new ChunkMeta(job, draft.index(), format.kind(), source(), draft.firstLine(), draft.firstRecord(),
                    draft.records(), ChunkMeta.crc32c(draft.body()), producedAt,
                    jobRecordSpec(), draft.lines(), draft.csvColumns(), owner);
        }

        /** Opens the input as this job reads it. */
        public ChunkReader openReader() throws IOException {
            return ChunkReader.open(input, format, rowsPerChunk, recordSpec == null ? ',' : recordSpec.csvDelimiter());
        }

        /** The record spec a records job travels with; numbers jobs have none. */
        public RecordSpec jobRecordSpec() {
            return format.kind() == JobKind.RECORDS ? recordSpec : null;
        }
    }

    /** Called from the publishing thread after each chunk is handed to the producer. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (bytesRead, totalBytes, chunks) -> { };

        void update(long bytesRead, long totalBytes, int chunks);
    }

    public record Summary(String job, int chunks, long records, long bytes, long checksum, long produceMillis) {
    }

    /**
     * Sends {@code started}, the chunks and {@code ended}. Every way it can fail (bad input, an
     * unreadable file, a refused send, even running out of memory) ends the job with {@code aborted}
     * before the error is thrown, so the aggregator never waits for a job whose producer gave up.
     */
    public Summary publish(Request request, Progress progress) throws IOException {
        long startedAt = System.currentTimeMillis();
        long startNanos = System.nanoTime();
        long totalBytes = Files.size(request.input());
        sendEvent(request.job(), new JobEvent.Started(request.job(), request.format().kind(), request.source(),
                request.format().optionName(), request.jobRecordSpec(), request.skipBad(), request.outputDir(), startedAt)
                .withOwner(request.owner(), ALIVE_EVERY.toMillis()));
        Totals totals;
        try (AliveEvents alive = new AliveEvents(producer, topics.jobs(), request.job(), request.owner(), ALIVE_EVERY)) {
            totals = sendChunks(request, progress, totalBytes);
        } catch (InputException e) {
            InputException named = e.inFile(request.source());
            throw abortWith(request, named, named.getMessage(), List.of(new BadLine(e.line(), e.text(), e.problem())));
        } catch (IOException e) {
            throw abortWith(request, e, request.source() + ": cannot read the input: " + e.getMessage(), List.of());
        } catch (ChunkSendException e) {
            throw abortWith(request, new IOException(e.getMessage(), e.getCause()), e.getMessage(), List.of());
        } catch (RuntimeException e) {
            throw abortWith(request, e, request.source() + ": the producer failed: " + e, List.of());
        } catch (OutOfMemoryError e) {
            throw abortWith(request, e, request.source() + ": the producer ran out of memory: " + e.getMessage(), List.of());
        }
        long produceMillis = (System.nanoTime() - startNanos) / 1_000_000;
        sendEvent(request.job(), new JobEvent.Ended(request.job(), totals.chunks, totals.records, totals.blankLines,
                totals.bytes, totals.checksum, produceMillis, System.currentTimeMillis(), request.owner(),
                ProtocolVersion.CURRENT));
        return new Summary(request.job(), totals.chunks, totals.records, totals.bytes, totals.checksum, produceMillis);
    }

    /** How often a producer says it is alive while it sends a job; the aggregator gives up after ten missed. */
    public static final Duration ALIVE_EVERY = Duration.ofSeconds(2);

    /** What the chunks sent so far add up to: the totals {@code ended} carries. */
    private static final class Totals {
        int chunks;
        long records;
        long blankLines;
        long bytes;
        long checksum;
    }

    /** A chunk the broker refused: the job cannot be complete. */
    private static final class ChunkSendException extends RuntimeException {
        ChunkSendException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Totals sendChunks(Request request, Progress progress, long totalBytes) throws IOException {
        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        int partitions = chunkPartitions();
        Totals totals = new Totals();
        try (ChunkReader reader = request.openReader()) {
            ChunkDraft draft;
            while ((draft = reader.next()) != null && sendFailure.get() == null) {
                if (draft.index() >= Limits.MAX_CHUNKS) {
                    throw new InputException(draft.firstLine(), null, "more than " + Limits.MAX_CHUNKS
                            + " chunks, the most a job may have: use a larger --chunk-size");
                }
                long producedAt = System.currentTimeMillis();
                ChunkMeta meta = request.chunkMeta(draft, producedAt);
                producer.send(new ProducerRecord<>(topics.chunks(), draft.index() % partitions, producedAt,
                        (request.job() + "/" + draft.index()).getBytes(StandardCharsets.UTF_8),
                        draft.body(), meta.toHeaders()), (metadata, error) -> {
                    if (error != null) {
                        sendFailure.compareAndSet(null, error);
                    }
                });
                totals.chunks++;
                totals.records += draft.records();
                totals.blankLines += draft.blankLines();
                totals.bytes += draft.body().length;
                totals.checksum += meta.crc32c();
                progress.update(reader.bytesRead(), totalBytes, totals.chunks);
            }
        }
        producer.flush();
        if (sendFailure.get() != null) {
            throw new ChunkSendException("sending chunks to " + topics.chunks() + " failed: " + sendFailure.get().getMessage(),
                    sendFailure.get());
        }
        return totals;
    }

    /**
     * The chunk topic's partition count, from the topic's metadata: chunk {@code i} goes to partition
     * {@code i mod count}, and a count the topic does not have would make sends wait until they time
     * out. The configured count is used only when the metadata does not say.
     */
    private int chunkPartitions() {
        try {
            List<PartitionInfo> partitions = producer.partitionsFor(topics.chunks());
            return partitions == null || partitions.isEmpty() ? chunkPartitions : partitions.size();
        } catch (KafkaException e) {
            return chunkPartitions;
        }
    }

    /** Flushes what was sent, tells the aggregator the job is aborted, and returns the error to throw. */
    private <E extends Throwable> E abortWith(Request request, E error, String reason, List<BadLine> badLines) {
        try {
            producer.flush();
            abort(request, Terminal.escape(reason), badLines);
        } catch (RuntimeException e) {
            error.addSuppressed(e);
        }
        return error;
    }

    private void abort(Request request, String reason, List<BadLine> badLines) {
        String job = request.job();
        try {
            sendEvent(job, new JobEvent.Aborted(job, reason, badLines, System.currentTimeMillis(), request.owner(),
                    ProtocolVersion.CURRENT));
        } catch (IOException e) {
            e.addSuppressed(new IllegalStateException(reason));
            throw new IllegalStateException("could not tell the aggregator that job " + job + " was aborted", e);
        }
    }

    private void sendEvent(String job, JobEvent event) throws IOException {
        try {
            producer.send(new ProducerRecord<>(topics.jobs(), job.getBytes(StandardCharsets.UTF_8), Json.encode(event))).get();
        } catch (ExecutionException e) {
            throw new IOException("cannot send the job event to " + topics.jobs() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while sending a job event", e);
        }
    }

}
