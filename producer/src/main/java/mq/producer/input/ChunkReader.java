package mq.producer.input;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import mq.common.protocol.Limits;

/** Cuts an input file into chunks, streaming: only the chunk being built is in memory. */
public interface ChunkReader extends Closeable {

    /** The next chunk, or {@code null} at the end of the input. Throws {@link InputException} on bad input. */
    ChunkDraft next() throws IOException;

    /** Bytes of the input read so far, for progress. */
    long bytesRead();

    /** Upper bound on a chunk body, below the broker's message size limit. */
    int MAX_CHUNK_BYTES = mq.common.protocol.Limits.MAX_CHUNK_BYTES;

    static ChunkReader open(Path file, InputFormat format, int rowsPerChunk) throws IOException {
        return open(file, format, rowsPerChunk, ',');
    }

    /** @param csvDelimiter the field delimiter, for {@link InputFormat#CSV} */
    static ChunkReader open(Path file, InputFormat format, int rowsPerChunk, char csvDelimiter) throws IOException {
        if (rowsPerChunk < 1) {
            throw new IllegalArgumentException("chunk size must be at least 1 row, was " + rowsPerChunk);
        }
        InputStream in = Files.newInputStream(file);
        return switch (format) {
            case NUMBERS, JSON_LINES -> new LineChunkReader(in, rowsPerChunk, MAX_CHUNK_BYTES, Limits.current().maxLineBytes());
            case JSON_ARRAY -> new JsonArrayChunkReader(in, file, rowsPerChunk, MAX_CHUNK_BYTES);
            case CSV -> new CsvChunkReader(in, csvDelimiter, rowsPerChunk, MAX_CHUNK_BYTES, Limits.current().maxLineBytes());
        };
    }
}
