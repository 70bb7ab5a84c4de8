package mq.common.csv;

/**
 * Finds where CSV records end, one byte at a time, so that input can be cut into chunks on record
 * boundaries and never inside a quoted field (which may hold delimiters, doubled quotes and line
 * breaks, RFC 4180).
 *
 * <p>This is not a parser: it only tracks whether a byte is inside quotes, with the same rule the
 * field parser (Jackson's CSV parser, in the worker) applies: a quote opens a quoted field only
 * at the start of a field, and inside one a doubled quote is a quote. UTF-8 is safe to scan byte
 * by byte because quote, delimiter and line feed never occur inside a multi-byte character.
 */
public final class CsvBoundary {
    private enum State { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED }

    private final byte delimiter;
    private State state = State.FIELD_START;

    public CsvBoundary(char delimiter) {
        if (delimiter > 0x7F || delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("a CSV delimiter must be one ASCII character other than a quote or a line break, was '"
                    + delimiter + "'");
        }
        this.delimiter = (byte) delimiter;
    }

    /** Feeds the next byte; true when it is the line feed that ends a record. */
    public boolean endsRecord(byte b) {
        switch (state) {
            case QUOTED -> {
                if (b == '"') state = State.QUOTE_IN_QUOTED;
                return false;
            }
            case QUOTE_IN_QUOTED -> {
                if (b == '"') {
                    state = State.QUOTED; // a doubled quote: still inside
                    return false;
                }
            }
            case FIELD_START -> {
                if (b == '"') {
                    state = State.QUOTED;
                    return false;
                }
            }
            case UNQUOTED -> { }
        }
        if (b == '\n') {
            state = State.FIELD_START;
            return true;
        }
        state = b == delimiter ? State.FIELD_START : State.UNQUOTED;
        return false;
    }

    /** True between an opening quote and its closing quote: the input must not end here. */
    public boolean insideQuotes() {
        return state == State.QUOTED;
    }
}
