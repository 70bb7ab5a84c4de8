package mq.producer.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import mq.common.protocol.Terminal;

/**
 * Cuts line-oriented input (numbers, JSON Lines) into chunks of whole lines, at the byte level.
 *
 * <p>The producer does not parse the lines (that is the workers' job); it only finds line ends
 * and tells blank lines from records, so it reads at close to disk speed. Blank lines travel with
 * the chunk so that a worker can name the exact input line of any record. Works for {@code \n}
 * and {@code \r\n}; the {@code \r} stays in the body and workers strip it.
 */
final class LineChunkReader extends ByteChunkReader {
    private final int rowsPerChunk;
    private final int maxChunkBytes;
    private final int maxLineBytes;
    /** Bytes of the line being read so far, and its first bytes, to quote it if it grows too long. */
    private long lineBytes;
    private final byte[] lineStart = new byte[Terminal.MAX_QUOTED];

    private long nextLine = 1;
    private long nextRecord;
    private int nextIndex;

    LineChunkReader(InputStream in, int rowsPerChunk, int maxChunkBytes, int maxLineBytes) {
        super(in);
        this.rowsPerChunk = rowsPerChunk;
        this.maxChunkBytes = maxChunkBytes;
        this.maxLineBytes = maxLineBytes;
    }

    @Override
    public ChunkDraft next() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
        long firstLine = nextLine;
        int records = 0;
        int blanks = 0;
        boolean lineIsBlank = true;
        boolean lineStarted = false;
        while (true) {
            if (position == limit && !fill()) {
                if (lineStarted) { // last line without a final newline
                    body.write('\n');
                    nextLine++;
                    if (lineIsBlank) blanks++; else records++;
                }
                break;
            }
            int start = position;
            boolean chunkFull = false;
            while (position < limit) {
                byte b = buffer[position++];
                if (b == '\n') {
                    body.write(buffer, start, position - start);
                    start = position;
                    nextLine++;
                    if (lineIsBlank) blanks++; else records++;
                    lineIsBlank = true;
                    lineStarted = false;
                    lineBytes = 0;
                    if (records == rowsPerChunk || (records > 0 && body.size() >= maxChunkBytes)) {
                        chunkFull = true;
                        break;
                    }
                } else {
                    lineStarted = true;
                    if (b != ' ' && b != '\t' && b != '\r') {
                        lineIsBlank = false;
                    }
                    if (lineBytes < lineStart.length) {
                        lineStart[(int) lineBytes] = b;
                    }
                    if (++lineBytes > maxLineBytes) {
                        // Stop before buffering more: a file without newlines must not fill the heap.
                        throw new InputException(nextLine, new String(lineStart, StandardCharsets.UTF_8),
                                "line longer than " + maxLineBytes + " bytes, the longest line accepted (--max-line-bytes)");
                    }
                }
            }
            body.write(buffer, start, position - start);
            if (chunkFull) {
                break;
            }
        }
        if (records == 0) {
            return null; // only blank lines were left
        }
        ChunkDraft chunk = new ChunkDraft(nextIndex++, firstLine, nextRecord, records, blanks, body.toByteArray(), null);
        nextRecord += records;
        return chunk;
    }
}
