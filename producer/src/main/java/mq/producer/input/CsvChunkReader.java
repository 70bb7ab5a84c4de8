package mq.producer.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import mq.common.csv.CsvBoundary;
import mq.common.csv.CsvFields;

/**
 * Cuts CSV input into chunks of whole records, at the byte level: the body is the input's own
 * bytes, so that values travel exactly as written and a worker can count the input's lines
 * itself, even where a quoted field spans several lines.
 *
 * <p>The first record is the header row; its column names travel with every chunk (the
 * {@code mq-csv-columns} header), since a worker sees only its chunk. Past the header the producer
 * does not parse fields (that is the workers' job); it only follows quotes to find where records
 * end ({@link CsvBoundary}). A quoted field still open at the end of the file stops the job here,
 * with the line where it started, because no chunk boundary after it could be trusted.
 */
final class CsvChunkReader extends ByteChunkReader {
    private static final int NO_MORE = -1;
    private static final int BLANK = 0;
    private static final int RECORD = 1;

    private final CsvBoundary boundary;
    private final CsvFields fields;
    private final int rowsPerChunk;
    private final int maxChunkBytes;
    private final int maxRecordBytes;

    private List<String> columns;
    private long nextLine = 1;
    private long nextRecord;
    private int nextIndex;

    /** @param maxRecordBytes the longest record (its quoted line breaks included); the reader never buffers past it */
    CsvChunkReader(InputStream in, char delimiter, int rowsPerChunk, int maxChunkBytes, int maxRecordBytes) {
        super(in);
        this.boundary = new CsvBoundary(delimiter);
        this.fields = new CsvFields(delimiter);
        this.rowsPerChunk = rowsPerChunk;
        this.maxChunkBytes = maxChunkBytes;
        this.maxRecordBytes = maxRecordBytes;
    }

    @Override
    public ChunkDraft next() throws IOException {
        if (columns == null) {
            columns = readHeader();
        }
        Bytes body = new Bytes(64 * 1024);
        long firstLine = nextLine;
        int records = 0;
        int blanks = 0;
        while (records < rowsPerChunk && (records == 0 || body.size < maxChunkBytes)) {
            int read = readRecord(body);
            if (read == NO_MORE) {
                break;
            }
            if (read == RECORD) records++; else blanks++;
        }
        if (records == 0) {
            return null; // only blank lines were left
        }
        ChunkDraft chunk = new ChunkDraft(nextIndex++, firstLine, nextRecord, records, blanks, body.toArray(), null, columns);
        nextRecord += records;
        return chunk;
    }

    private List<String> readHeader() throws IOException {
        Bytes row = new Bytes(1024);
        int read = readRecord(row);
        if (read == NO_MORE || read == BLANK) {
            throw new InputException(1, read == NO_MORE ? null : row.text(0),
                    "a CSV file starts with a header row naming the fields");
        }
        try {
            return fields.header(row.record(0));
        } catch (IOException | IllegalArgumentException e) {
            throw new InputException(1, row.text(0), "unreadable CSV header row: " + e.getMessage());
        }
    }

    /** Appends one record (or blank line) with its line break to {@code out}; says which it was. */
    private int readRecord(Bytes out) throws IOException {
        int start = out.size;
        long startLine = nextLine;
        boolean blank = true;
        while (true) {
            if (position == limit && !fill()) {
                if (out.size == start) {
                    return NO_MORE;
                }
                if (boundary.insideQuotes()) {
                    throw new InputException(startLine, out.text(start),
                            "a quoted field is never closed (a '\"' is missing)");
                }
                out.add((byte) '\n'); // the last record had no line break
                nextLine++;
                return blank ? BLANK : RECORD;
            }
            byte b = buffer[position++];
            if (out.size - start >= maxRecordBytes) {
                // A file with no line break (or a quote never closed) must not fill the heap.
                throw new InputException(startLine, out.text(start), "record longer than " + maxRecordBytes
                        + " bytes, the longest record accepted (--max-line-bytes)");
            }
            out.add(b);
            boolean ends = boundary.endsRecord(b);
            if (b == '\n') {
                nextLine++;
            }
            if (ends) {
                return blank ? BLANK : RECORD;
            }
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                blank = false;
            }
        }
    }

    /** A growable byte array whose contents an error message can quote without copying the whole chunk. */
    private static final class Bytes {
        private byte[] bytes;
        private int size;

        Bytes(int capacity) {
            bytes = new byte[capacity];
        }

        void add(byte b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            bytes[size++] = b;
        }

        /** The first line of the text from {@code from}, shortened for a message. */
        String text(int from) {
            int to = from;
            while (to < size && bytes[to] != '\n' && to - from < 200) to++;
            String text = new String(bytes, from, to - from, StandardCharsets.UTF_8).stripTrailing();
            return to < size && bytes[to] != '\n' ? text + "…" : text;
        }

        /** The whole record from {@code from}, without its final line break. */
        String record(int from) {
            int to = size;
            while (to > from && (bytes[to - 1] == '\n' || bytes[to - 1] == '\r')) to--;
            return new String(bytes, from, to - from, StandardCharsets.UTF_8);
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
