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
    private DecimalText() {
    }

    /** Parses an integer or decimal in plain or scientific notation; throws {@link NumberFormatException} otherwise. */
    public static BigDecimal parse(String text) {
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        return new BigDecimal(trimmed);
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
