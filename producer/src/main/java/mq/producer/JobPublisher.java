package mq.producer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import mq.common.protocol.BadLine;
import mq.common.protocol.ChunkMeta;
import mq.common.protocol.JobEvent;
import mq.common.protocol.JobKind;
import mq.common.protocol.Json;
import mq.common.protocol.RecordSpec;
import mq.common.protocol.Topics;
import mq.producer.input.ChunkDraft;
import mq.producer.input.ChunkReader;
import mq.producer.input.InputException;
import mq.producer.input.InputFormat;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

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
     * @param outputDir where the aggregator should write the job's files, or {@code null}
     */
    public record Request(String job, Path input, InputFormat format, RecordSpec recordSpec, int rowsPerChunk,
                          boolean skipBad, String outputDir) {

        /** The input's file name, as error messages name it. */
        public String source() {
            return input.getFileName().toString();
        }

        /** The headers of one chunk of this job, sent at {@code producedAt}. */
        public ChunkMeta chunkMeta(ChunkDraft draft, long producedAt) {
            return new ChunkMeta(job, draft.index(), format.kind(), source(), draft.firstLine(), draft.firstRecord(),
                    draft.records(), ChunkMeta.crc32c(draft.body()), producedAt,
                    jobRecordSpec(), skipBad, draft.lines(), draft.csvColumns());
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

    public Summary publish(Request request, Progress progress) throws IOException {
        long startedAt = System.currentTimeMillis();
        long startNanos = System.nanoTime();
        String source = request.source();
        long totalBytes = Files.size(request.input());
        sendEvent(request.job(), new JobEvent.Started(request.job(), request.format().kind(), source,
                request.format().optionName(), request.jobRecordSpec(),
                request.skipBad(), request.outputDir(), startedAt));

        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        int chunks = 0;
        long records = 0;
        long blankLines = 0;
        long bytes = 0;
        long checksum = 0;
        try (ChunkReader reader = request.openReader()) {
            ChunkDraft draft;
            while ((draft = reader.next()) != null && sendFailure.get() == null) {
                long producedAt = System.currentTimeMillis();
                ChunkMeta meta = request.chunkMeta(draft, producedAt);
                ProducerRecord<byte[], byte[]> message = new ProducerRecord<>(topics.chunks(),
                        draft.index() % chunkPartitions, producedAt,
                        (request.job() + "/" + draft.index()).getBytes(StandardCharsets.UTF_8),
                        draft.body(), meta.toHeaders());
                producer.send(message, (metadata, error) -> {
                    if (error != null) {
                        sendFailure.compareAndSet(null, error);
                    }
                });
                chunks++;
                records += draft.records();
                blankLines += draft.blankLines();
                bytes += draft.body().length;
                checksum += meta.crc32c();
                progress.update(reader.bytesRead(), totalBytes, chunks);
            }
        } catch (InputException e) {
            producer.flush();
            InputException named = e.inFile(source);
            abort(request.job(), named.getMessage(), List.of(new BadLine(e.line(), e.text(), e.problem())));
            throw named;
        } catch (IOException e) {
            producer.flush();
            abort(request.job(), source + ": cannot read the input: " + e.getMessage(), List.of());
            throw e;
        }
        producer.flush();
        if (sendFailure.get() != null) {
            abort(request.job(), "sending chunks failed: " + sendFailure.get().getMessage(), List.of());
            throw new IOException("sending chunks to " + topics.chunks() + " failed: " + sendFailure.get().getMessage(), sendFailure.get());
        }
        long produceMillis = (System.nanoTime() - startNanos) / 1_000_000;
        sendEvent(request.job(), new JobEvent.Ended(request.job(), chunks, records, blankLines, bytes, checksum,
                produceMillis, System.currentTimeMillis()));
        return new Summary(request.job(), chunks, records, bytes, checksum, produceMillis);
    }

    private void abort(String job, String reason, List<BadLine> badLines) {
        try {
            sendEvent(job, new JobEvent.Aborted(job, reason, badLines, System.currentTimeMillis()));
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
