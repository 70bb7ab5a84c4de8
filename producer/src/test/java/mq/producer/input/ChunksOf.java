package mq.producer.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the chunk readers' tests look at: every chunk a reader cuts from a file, and a chunk's text. */
final class ChunksOf {
    private ChunksOf() {
    }

    static List<ChunkDraft> file(Path file, InputFormat format, int rows, char csvDelimiter) throws IOException {
        List<ChunkDraft> chunks = new ArrayList<>();
        try (ChunkReader reader = ChunkReader.open(file, format, rows, csvDelimiter)) {
            ChunkDraft chunk;
            while ((chunk = reader.next()) != null) {
                chunks.add(chunk);
            }
        }
        return chunks;
    }

    static String body(ChunkDraft chunk) {
        return new String(chunk.body(), StandardCharsets.UTF_8);
    }
}
