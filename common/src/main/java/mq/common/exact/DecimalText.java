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
     * The largest exponent, either way, of a number the system accepts by default ({@link NumberLimits}).
     * Printing {@code 1e999999999} without an exponent, or adding it to an integer, would need a billion digits.
     */
    public static final int MAX_SCALE = 10_000;
    /**
     * The most digits a number may have by default ({@link NumberLimits}). {@code BigDecimal} parses long
     * digit strings in quadratic time; checked before parsing, this bound keeps parsing linear in the line's length.
     */
    public static final int MAX_DIGITS = 1000;

    private DecimalText() {
    }

    /**
     * Parses an integer or decimal in plain or scientific notation; throws {@link NumberFormatException}
     * otherwise, or when it is longer or its exponent larger than the {@link NumberLimits} allow.
     */
    public static BigDecimal parse(String text) {
        NumberLimits limits = NumberLimits.current();
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        int digits = 0;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == 'e' || c == 'E') {
                break;
            }
            if (c >= '0' && c <= '9' && ++digits > limits.maxDigits()) {
                throw new NumberFormatException("too long: more than " + limits.maxDigits() + " digits");
            }
        }
        if (trimmed.length() > limits.maxDigits() + 16) {
            throw new NumberFormatException("too long: " + trimmed.length() + " characters");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            throw new NumberFormatException("not a number");
        } catch (ArithmeticException e) {
            throw outOfRange(limits);
        }
        return checkInRange(value);
    }

    /** Returns the value, or throws {@link NumberFormatException} when its exponent is beyond the {@link NumberLimits}. */
    public static BigDecimal checkInRange(BigDecimal value) {
        NumberLimits limits = NumberLimits.current();
        if (Math.abs((long) value.scale()) > limits.maxExponent()) {
            throw outOfRange(limits);
        }
        return value;
    }

    private static NumberFormatException outOfRange(NumberLimits limits) {
        return new NumberFormatException("out of range: exponent beyond " + limits.maxExponent() + " either way");
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
