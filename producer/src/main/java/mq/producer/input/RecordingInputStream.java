package mq.producer.input;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * An input stream that keeps the bytes read since the last {@link #forget}, so that a parser
 * reading ahead from it can have an element's own bytes copied out by their stream offsets, and
 * counts every byte read. Memory holds one element plus the parser's read-ahead.
 */
final class RecordingInputStream extends FilterInputStream {
    /** Thrown from a read when more than the limit is held: one element (or the space before it) is too long. */
    static final class TooLong extends IOException {
        TooLong(long limit) {
            super("more than " + limit + " bytes in one record");
        }
    }

    private final long limit;
    private byte[] tape = new byte[64 * 1024];
    /** Stream offset of {@code tape[0]}. */
    private long tapeStart;
    private int tapeLength;

    /** @param limit the most bytes held at once before reads fail with {@link TooLong} */
    RecordingInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Bytes read so far. */
    long count() {
        return tapeStart + tapeLength;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            if (tapeLength + n > limit) {
                throw new TooLong(limit);
            }
            if (tapeLength + n > tape.length) {
                tape = Arrays.copyOf(tape, Math.max(tapeLength + n, tape.length * 2));
            }
            System.arraycopy(b, off, tape, tapeLength, n);
            tapeLength += n;
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Every byte must pass through read, or the offsets on the tape would be wrong.
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        int read = read(sink, 0, sink.length);
        return Math.max(read, 0);
    }

    /** Drops the bytes before stream offset {@code upTo}: they will not be asked for again. */
    void forget(long upTo) {
        int drop = (int) Math.min(Math.max(0, upTo - tapeStart), tapeLength);
        System.arraycopy(tape, drop, tape, 0, tapeLength - drop);
        tapeLength -= drop;
        tapeStart += drop;
    }

    /**
     * Appends the bytes from stream offset {@code from} to {@code to} (exclusive) of JSON text, without
     * the whitespace outside its strings: one element on one line, as compact as a re-write. JSON strings
     * hold no raw line breaks, and the bytes of a multi-byte UTF-8 character never look like a quote or
     * a backslash, so reading byte by byte is safe.
     */
    void copyCompactJson(long from, long to, ByteArrayOutputStream out) {
        if (from < tapeStart || to > tapeStart + tapeLength || from > to) {
            throw new IllegalStateException("bytes " + from + ".." + to + " are not held (held: " + tapeStart + ".."
                    + (tapeStart + tapeLength) + ")");
        }
        boolean inString = false;
        boolean escaped = false;
        int end = (int) (to - tapeStart);
        int run = (int) (from - tapeStart); // start of the bytes kept since the last whitespace dropped
        for (int i = run; i < end; i++) {
            byte c = tape[i];
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                out.write(tape, run, i - run);
                run = i + 1;
            }
        }
        out.write(tape, run, end - run);
    }
}
