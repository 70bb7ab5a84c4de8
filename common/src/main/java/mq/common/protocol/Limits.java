package mq.common.protocol;

import mq.common.exact.DecimalText;

/**
 * The bounds every role enforces (docs/PROTOCOL.md, "Limits"), so that no input or message can
 * make a role run out of memory, spin for minutes, or retry forever. Past a bound a line is a bad
 * line, a message a dead letter, a file an aborted job, each with a message naming the bound.
 */
public final class Limits {
    /** The largest message on any topic, and the topics' {@code max.message.bytes}. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    /** The largest chunk body the producer cuts; a chunk always leaves room for its partial and headers. */
    public static final int MAX_CHUNK_BYTES = 8 * 1024 * 1024;
    /** The longest line (number or JSON record) in bytes; the producer never buffers past it. */
    public static final int MAX_LINE_BYTES = 1024 * 1024;
    /** The most digits a number may have: parsing is linear up to here. */
    public static final int MAX_NUMBER_DIGITS = 1000;
    /** The largest exponent, either way, of a number. */
    public static final int MAX_EXPONENT = DecimalText.MAX_SCALE;
    /**
     * The most chunks one job may have: the aggregator keeps a bit per chunk number, so a
     * message naming chunk 2^31 must not make it allocate hundreds of megabytes.
     */
    public static final int MAX_CHUNKS = 10_000_000;
    /** The deepest nesting of a JSON record. */
    public static final int MAX_JSON_DEPTH = 64;
    /**
     * The longest decimal text in a protocol message: a canonical sum of numbers with exponents up
     * to {@link #MAX_EXPONENT} either way has at most twice that many digits, plus the digits themselves.
     */
    public static final int MAX_DECIMAL_TEXT = 2 * MAX_EXPONENT + MAX_NUMBER_DIGITS + 40;

    private Limits() {
    }
}
