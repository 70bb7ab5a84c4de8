package mq.common.exact;

import java.math.BigDecimal;

/**
 * Parses and prints the decimal numbers the system reads and reports.
 *
 * <p>Reports print every decimal in one canonical form (no trailing zeros, never scientific
 * notation) so that two runs over the same data print byte-identical numbers, whatever the
 * order in which partial results were merged.
 */
public final class DecimalText {
    /**
     * The largest exponent, either way, of a number the system accepts. Printing {@code 1e999999999}
     * without an exponent, or adding it to an integer, would need a billion digits.
     */
    public static final int MAX_SCALE = 10_000;

    private DecimalText() {
    }

    /**
     * Parses an integer or decimal in plain or scientific notation; throws {@link NumberFormatException}
     * otherwise, or when its exponent is beyond {@link #MAX_SCALE}.
     */
    public static BigDecimal parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        return checkInRange(new BigDecimal(trimmed));
    }

    /** Returns the value, or throws {@link NumberFormatException} when its exponent is beyond {@link #MAX_SCALE}. */
    public static BigDecimal checkInRange(BigDecimal value) {
        if (Math.abs((long) value.scale()) > MAX_SCALE) {
            throw new NumberFormatException("out of range: exponent beyond " + MAX_SCALE + " digits either way (" + value + ")");
        }
        return value;
    }

    public static String format(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        return value.stripTrailingZeros().toPlainString();
    }

    /** Reads a canonical or any other decimal text back; {@code null} stays {@code null}. */
    public static BigDecimal parseNullable(String text) {
        return text == null ? null : parse(text);
    }
}
