package mq.producer.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import mq.common.protocol.Json;
import mq.common.protocol.Limits;
import mq.common.protocol.Terminal;

/**
 * Cuts a JSON array of records into chunks of JSON Lines, streaming with Jackson's parser.
 *
 * <p>One element is in memory at a time. The parser checks each element token by token without
 * building it, and the element's own bytes are copied out without the whitespace between tokens:
 * one compact line, numbers and strings exactly as written (re-writing each element through a tree
 * of BigDecimals cost the producer 12 ms of a 2,000-record chunk). The chunk records the input line
 * where each element began, so that workers can still name the line of a bad record. Malformed
 * JSON stops the job here with the line and its text, because an array cannot be resynchronised
 * reliably.
 */
final class JsonArrayChunkReader implements ChunkReader {
    private final RecordingInputStream recorded;
    private final JsonParser parser;
    private final Path file;
    private final int rowsPerChunk;
    private final int maxChunkBytes;
    private boolean started;
    /** Input line of the element being read, for an error raised from deep inside the parser. */
    private long elementLine;
    private boolean finished;
    private long nextRecord;
    private int nextIndex;

    JsonArrayChunkReader(InputStream in, Path file, int rowsPerChunk, int maxChunkBytes) throws IOException {
        // Room for the longest record accepted plus the parser's read-ahead: a longer one fails as too long.
        this.recorded = new RecordingInputStream(in, Limits.current().maxLineBytes() + 1024L * 1024);
        this.parser = Json.RECORDS.createParser(recorded);
        this.file = file;
        this.rowsPerChunk = rowsPerChunk;
        this.maxChunkBytes = maxChunkBytes;
    }

    @Override
    public ChunkDraft next() throws IOException {
        if (finished) {
            return null;
        }
        try {
            if (!started) {
                started = true;
                JsonToken first = parser.nextToken();
                if (first != JsonToken.START_ARRAY) {
                    throw bad(parser.currentLocation().getLineNr(), "expected a JSON array of records ('[' first)");
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream(64 * 1024);
            long[] lines = new long[Math.min(rowsPerChunk, 1024)];
            int records = 0;
            while (records < rowsPerChunk && body.size() < maxChunkBytes) {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    expectEnd();
                    finished = true;
                    break;
                }
                if (token == null) {
                    throw bad(parser.currentLocation().getLineNr(), "the JSON array is not closed (missing ']')");
                }
                long line = parser.currentTokenLocation().getLineNr();
                elementLine = line;
                int before = body.size();
                writeElement(token, body);
                if (body.size() - before > Limits.current().maxLineBytes()) {
                    throw tooLong(line);
                }
                body.write('\n');
                if (records == lines.length) {
                    lines = Arrays.copyOf(lines, lines.length * 2);
                }
                lines[records++] = line;
            }
            if (records == 0) {
                return null;
            }
            ChunkDraft chunk = new ChunkDraft(nextIndex++, lines[0], nextRecord, records, 0, body.toByteArray(),
                    Arrays.copyOf(lines, records));
            nextRecord += records;
            return chunk;
        } catch (RecordingInputStream.TooLong e) {
            throw tooLong(elementLine);
        } catch (JsonProcessingException e) {
            // Limit errors (too deep, a number too long) carry no location of their own: the parser knows where it is.
            long line = e.getLocation() != null && e.getLocation().getLineNr() > 0
                    ? e.getLocation().getLineNr() : parser.currentLocation().getLineNr();
            throw bad(line, "malformed JSON: " + e.getOriginalMessage());
        }
    }

    /** Appends the element that starts at {@code token}, on no more than one line. */
    private void writeElement(JsonToken token, ByteArrayOutputStream body) throws IOException {
        long from = parser.currentTokenLocation().getByteOffset();
        boolean offsets = from >= 0;
        // The bytes before this element are never asked for again; without byte offsets none are.
        recorded.forget(offsets ? from : Long.MAX_VALUE);
        if (offsets && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)) {
            parser.skipChildren(); // reads every token of the element, so malformed JSON still fails here
            recorded.copyCompactJson(from, parser.currentLocation().getByteOffset(), body);
        } else {
            // A bare value, no record (the worker says so with its line), or a parser without byte offsets
            // (a UTF-16 file): re-written.
            body.write(Json.RECORDS.writeValueAsBytes(Json.RECORDS.readTree(parser)));
        }
    }

    private void expectEnd() throws IOException {
        JsonToken after = parser.nextToken();
        if (after != null) {
            throw bad(parser.currentTokenLocation().getLineNr(), "unexpected content after the end of the JSON array");
        }
    }

    private InputException tooLong(long line) {
        return bad(line, "record longer than " + Limits.current().maxLineBytes()
                + " bytes, the longest record accepted (--max-line-bytes)");
    }

    private InputException bad(long line, String problem) {
        return new InputException(line, lineText(line), problem);
    }

    /** Reads the offending line back from the file: only on error, so the happy path never keeps text around. */
    private String lineText(long line) {
        if (line < 1) {
            return null;
        }
        // Character by character, keeping at most the quoted part: the line may be gigabytes long.
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long current = 1;
            StringBuilder text = new StringBuilder();
            boolean cut = false;
            int c;
            while ((c = reader.read()) != -1) {
                if (c == '\n') {
                    if (current == line) {
                        break;
                    }
                    current++;
                } else if (current == line) {
                    if (text.length() < Terminal.MAX_QUOTED) {
                        text.append((char) c);
                    } else {
                        cut = true;
                        break;
                    }
                }
            }
            return current < line ? null : text + (cut ? "…" : "");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    @Override
    public long bytesRead() {
        return recorded.count();
    }

    @Override
    public void close() throws IOException {
        parser.close();
        recorded.close();
    }
}
