package mq.bench.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mq.common.protocol.ChunkMeta;
import mq.common.protocol.RecordSpec;
import mq.generate.NumbersGenerator;
import mq.generate.NumbersSpec;
import mq.generate.RecordsGenerator;
import mq.generate.RecordsSpec;
import mq.producer.JobPublisher;
import mq.producer.input.ChunkDraft;
import mq.producer.input.ChunkReader;
import mq.producer.input.InputFormat;
import org.apache.kafka.common.header.Headers;

/**
 * Generated input files and the chunks the producer cuts from them, with their headers: what the
 * benchmarks of the pipeline's stages feed to the very code the roles run.
 */
final class ChunkData {
    /** One chunk as a worker receives it. */
    record Chunk(Headers headers, byte[] body, int records) {
    }

    private ChunkData() {
    }

    /** @param input {@code numbers} or {@code records} */
    static Path file(Path dir, String input, long count) {
        return switch (input) {
            case "numbers" -> numbersFile(dir, count);
            case "records" -> recordsFile(dir, count);
            default -> throw new IllegalArgumentException("input is numbers or records, was " + input);
        };
    }

    static Path numbersFile(Path dir, long count) {
        try {
            return NumbersGenerator.write(dir.resolve("numbers.txt"), NumbersSpec.integers(count, 42)).file();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Mockaroo-style JSON array with about one key per five records, as {@code mq generate records} writes it. */
    static Path recordsFile(Path dir, long count) {
        try {
            return RecordsGenerator.write(dir.resolve("records.json"), RecordsSpec.of(count, RecordsSpec.defaultKeys(count), 42)).file();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JobPublisher.Request request(Path file, int rowsPerChunk) {
        try {
            InputFormat format = InputFormat.detect(file);
            return new JobPublisher.Request("bench", file, format,
                    new RecordSpec("id", "updated_at", List.of("amount")), rowsPerChunk, false, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Chunk> chunks(Path file, int rowsPerChunk) {
        JobPublisher.Request request = request(file, rowsPerChunk);
        List<Chunk> chunks = new ArrayList<>();
        try (ChunkReader reader = ChunkReader.open(file, request.format(), rowsPerChunk)) {
            ChunkDraft draft;
            while ((draft = reader.next()) != null) {
                ChunkMeta meta = request.chunkMeta(draft, 0);
                chunks.add(new Chunk(meta.toHeaders(), draft.body(), draft.records()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return chunks;
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("mq-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
