package mq.common.exact;

/**
 * How long and how far out a number may be, for this process: set once at start-up from the
 * role's options ({@code --max-number-digits}, {@code --max-exponent}), read by every parse.
 *
 * @param maxDigits   the most digits a number may have; checked before {@code BigDecimal} parses, so parsing stays linear
 * @param maxExponent the largest exponent either way; printing {@code 1e999999999} would need a billion digits
 */
public record NumberLimits(int maxDigits, int maxExponent) {
    public static final NumberLimits DEFAULTS = new NumberLimits(DecimalText.MAX_DIGITS, DecimalText.MAX_SCALE);

    private static volatile NumberLimits current = DEFAULTS;

    public static NumberLimits current() {
        return current;
    }

    /** Applies to every number this process parses from now on. */
    public static void use(NumberLimits limits) {
        current = limits;
    }
}
