package mq.common.protocol;

import mq.common.exact.DecimalText;
import mq.common.exact.NumberLimits;

/**
 * The bounds every role enforces (docs/PROTOCOL.md, "Limits"), so that no input or message can
 * make a role run out of memory, spin for minutes, or retry forever. Past a bound a line is a bad
 * line, a message a dead letter, a file an aborted job, each with a message naming the bound.
 *
 * <p>Five of them can be set per process ({@code --max-line-bytes} and the like, or their
 * environment variables): the process sets them once at start-up ({@link #use}) and every place
 * that enforces one reads {@link #current()}. Give every role of an installation the same values:
 * a worker allowed longer numbers than its aggregator sends partials the aggregator refuses.
 *
 * @param maxLineBytes    the longest line (number or JSON record) in bytes; the producer never buffers past it
 * @param maxNumberDigits the most digits a number may have: parsing is linear up to here
 * @param maxExponent     the largest exponent, either way, of a number
 * @param maxJsonDepth    the deepest nesting of a JSON record
 * @param maxPartialBytes the largest partial result a worker sends; a larger one fails its chunk, naming the remedy
 */
public record Limits(int maxLineBytes, int maxNumberDigits, int maxExponent, int maxJsonDepth, int maxPartialBytes) {
    /** The largest message on any topic, and the topics' {@code max.message.bytes}. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;
    /** The largest chunk body the producer cuts; a chunk always leaves room for its partial and headers. */
    public static final int MAX_CHUNK_BYTES = 8 * 1024 * 1024;
    /** The longest line by default. */
    public static final int MAX_LINE_BYTES = 1024 * 1024;
    /** The most digits of a number by default. */
    public static final int MAX_NUMBER_DIGITS = DecimalText.MAX_DIGITS;
    /** The largest exponent by default. */
    public static final int MAX_EXPONENT = DecimalText.MAX_SCALE;
    /**
     * The most chunks one job may have: the aggregator keeps a bit per chunk number, so a
     * message naming chunk 2^31 must not make it allocate hundreds of megabytes.
     */
    public static final int MAX_CHUNKS = 10_000_000;
    /** The deepest nesting of a JSON record by default. */
    public static final int MAX_JSON_DEPTH = 64;
    /** The largest partial by default, and at most: room below the message limit for its key, headers and batch overhead. */
    public static final int MAX_PARTIAL_BYTES = MAX_MESSAGE_BYTES - 64 * 1024;
    /** The longest decimal text in a protocol message, with the default limits ({@link #maxDecimalText()}). */
    public static final int MAX_DECIMAL_TEXT = decimalText(MAX_NUMBER_DIGITS, MAX_EXPONENT);

    public static final Limits DEFAULTS = new Limits(MAX_LINE_BYTES, MAX_NUMBER_DIGITS, MAX_EXPONENT, MAX_JSON_DEPTH,
            MAX_PARTIAL_BYTES);

    /** Ranges that keep each limit meaningful: a line must fit a chunk, a partial a message, parsing stay cheap. */
    private static final int MIN_LINE_BYTES = 1024;
    private static final int MOST_DIGITS = 100_000;
    private static final int MOST_EXPONENT = 1_000_000;
    private static final int MOST_JSON_DEPTH = 1000;
    private static final int MIN_PARTIAL_BYTES = 64 * 1024;

    private static volatile Limits current = DEFAULTS;

    /** Checks every limit against its range; the message names the option that sets it. */
    public Limits {
        check("--max-line-bytes", maxLineBytes, MIN_LINE_BYTES, MAX_CHUNK_BYTES);
        check("--max-number-digits", maxNumberDigits, 1, MOST_DIGITS);
        check("--max-exponent", maxExponent, 0, MOST_EXPONENT);
        check("--max-json-depth", maxJsonDepth, 1, MOST_JSON_DEPTH);
        check("--max-partial-bytes", maxPartialBytes, MIN_PARTIAL_BYTES, MAX_PARTIAL_BYTES);
    }

    /** The limits of this process: {@link #DEFAULTS} unless {@link #use} said otherwise. */
    public static Limits current() {
        return current;
    }

    /** Makes {@code limits} this process's, for every line, number, record and message handled from now on. */
    public static void use(Limits limits) {
        current = limits;
        NumberLimits.use(new NumberLimits(limits.maxNumberDigits(), limits.maxExponent()));
        Json.useLimits(limits);
    }

    /**
     * The longest decimal text in a protocol message: a canonical sum of numbers with exponents up to
     * {@link #maxExponent} either way has at most twice that many digits, plus the digits themselves.
     */
    public int maxDecimalText() {
        return decimalText(maxNumberDigits, maxExponent);
    }

    private static int decimalText(int digits, int exponent) {
        return 2 * exponent + digits + 40;
    }

    private static void check(String option, int value, int least, int most) {
        if (value < least || value > most) {
            throw new IllegalArgumentException(String.format("%s must be between %,d and %,d, was %,d", option, least, most, value));
        }
    }
}
