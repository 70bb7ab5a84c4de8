package mq.generate;

/**
 * What {@link NumbersGenerator} writes: {@code count} numbers drawn from {@code [min, max]} with {@code seed}.
 *
 * @param count    how many numbers (lines), at least 1
 * @param seed     the same seed gives the same file
 * @param decimals {@code false}: integers only; {@code true}: a mix of integers, plain decimals
 *                 and decimals in scientific notation (e.g. {@code 1.25E+3})
 * @param min      smallest value, inclusive
 * @param max      largest value, inclusive ({@code max >= min})
 */
public record NumbersSpec(long count, long seed, boolean decimals, long min, long max) {

    public static final long DEFAULT_SEED = 42;
    public static final long DEFAULT_MIN = -1_000_000;
    public static final long DEFAULT_MAX = 1_000_000;

    public NumbersSpec {
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1 (got " + count + ")");
        }
        if (min > max) {
            throw new IllegalArgumentException("--min (" + min + ") must not be greater than --max (" + max + ")");
        }
    }

    /** Integers in {@code [DEFAULT_MIN, DEFAULT_MAX]}. */
    public static NumbersSpec integers(long count, long seed) {
        return new NumbersSpec(count, seed, false, DEFAULT_MIN, DEFAULT_MAX);
    }

    /** Integers and decimals in {@code [DEFAULT_MIN, DEFAULT_MAX]}. */
    public static NumbersSpec withDecimals(long count, long seed) {
        return new NumbersSpec(count, seed, true, DEFAULT_MIN, DEFAULT_MAX);
    }
}
