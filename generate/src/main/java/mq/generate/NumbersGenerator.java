package mq.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Writes numbers to sum, one per line ({@code \n}), streaming: memory does not grow with the count.
 *
 * <p>Integers are written as {@code long}s ({@code -42}). With decimals, about half of the lines are
 * integers, a third plain decimals with 1 to 4 fraction digits ({@code 12.5}, {@code -0.0310}) and the
 * rest scientific notation ({@code 1.25E+3}, {@code -3.1E-2}); all of them parse exactly with
 * {@link BigDecimal#BigDecimal(String)}.
 */
public final class NumbersGenerator {

    /** How often, in lines, the progress callback hears about it. */
    static final int PROGRESS_EVERY = 8192;

    private NumbersGenerator() {
    }

    /** Integers in {@code [-1_000_000, 1_000_000]}. */
    public static GeneratedFile write(Path out, long count, long seed) throws IOException {
        return write(out, NumbersSpec.integers(count, seed));
    }

    public static GeneratedFile write(Path out, NumbersSpec spec) throws IOException {
        return write(out, spec, done -> { });
    }

    /** Writes {@code out} (creating its parent directories) and reports the lines written so far to {@code progress}. */
    public static GeneratedFile write(Path out, NumbersSpec spec, LongConsumer progress) throws IOException {
        long start = System.nanoTime();
        createParentDirectories(out);
        BigDecimal sum;
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            sum = write(writer, spec, progress);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new GeneratedFile(out, spec.count(), 0, sum, Files.size(out), elapsed);
    }

    /** Writes the numbers to {@code writer} (not closed) and returns their exact sum. */
    public static BigDecimal write(Writer writer, NumbersSpec spec, LongConsumer progress) throws IOException {
        Source source = new Source(spec);
        ExactSum sum = new ExactSum();
        for (long i = 1; i <= spec.count(); i++) {
            writer.write(source.next(sum));
            writer.write('\n');
            if (i % PROGRESS_EVERY == 0) {
                progress.accept(i);
            }
        }
        progress.accept(spec.count());
        return sum.total();
    }

    /** The exact sum of what {@link #write(Path, NumbersSpec)} writes for {@code spec}, without writing anything. */
    public static BigDecimal sum(NumbersSpec spec) {
        Source source = new Source(spec);
        ExactSum sum = new ExactSum();
        for (long i = 0; i < spec.count(); i++) {
            source.next(sum);
        }
        return sum.total();
    }

    static void createParentDirectories(Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    /** The sequence of lines for one spec; every call draws from the random source in the same order. */
    private static final class Source {
        private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000};

        private final NumbersSpec spec;
        private final SplittableRandom random;

        Source(NumbersSpec spec) {
            this.spec = spec;
            this.random = new SplittableRandom(spec.seed());
        }

        String next(ExactSum sum) {
            if (!spec.decimals() || spec.min() == spec.max()) {
                long value = between(spec.min(), spec.max());
                sum.add(value);
                return Long.toString(value);
            }
            int kind = random.nextInt(100);
            if (kind < 50) {
                long value = between(spec.min(), spec.max());
                sum.add(value);
                return Long.toString(value);
            }
            // An integer part in [min, max - 1] plus a fraction in [0, 1) stays within [min, max).
            int scale = 1 + random.nextInt(4);
            BigDecimal value = BigDecimal.valueOf(between(spec.min(), spec.max() - 1))
                    .add(BigDecimal.valueOf(random.nextLong(POWERS_OF_TEN[scale]), scale));
            sum.add(value);
            return kind < 85 ? value.toPlainString() : scientific(value);
        }

        /** Uniform in {@code [lo, hi]}, both inclusive, without overflowing at the ends of {@code long}. */
        private long between(long lo, long hi) {
            if (hi < Long.MAX_VALUE) {
                return random.nextLong(lo, hi + 1);
            }
            if (lo > Long.MIN_VALUE) {
                return random.nextLong(lo - 1, hi) + 1;
            }
            return random.nextLong();
        }
    }

    /** {@code 1250.5} as {@code 1.2505E+3}, {@code -0.031} as {@code -3.1E-2}: one digit before the point. */
    static String scientific(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        String digits = stripped.unscaledValue().abs().toString();
        long exponent = digits.length() - 1L - stripped.scale();
        StringBuilder text = new StringBuilder(digits.length() + 8);
        if (stripped.signum() < 0) {
            text.append('-');
        }
        text.append(digits.charAt(0));
        if (digits.length() > 1) {
            text.append('.').append(digits, 1, digits.length());
        }
        return text.append('E').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent)).toString();
    }

    /** Sums longs in a {@code long} until it would overflow, then in a {@link BigDecimal}. */
    private static final class ExactSum {
        private long small;
        private BigDecimal big = BigDecimal.ZERO;

        void add(long value) {
            long result = small + value;
            if (((small ^ result) & (value ^ result)) < 0) {
                big = big.add(BigDecimal.valueOf(small));
                small = value;
            } else {
                small = result;
            }
        }

        void add(BigDecimal value) {
            big = big.add(value);
        }

        BigDecimal total() {
            return big.add(BigDecimal.valueOf(small));
        }
    }
}
