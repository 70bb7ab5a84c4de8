package mq.generate;

import java.math.BigInteger;
import java.util.SplittableRandom;

/**
 * The key of each generated row (the mock records' {@code id}, a schema's Record Key field): keys
 * {@code 1..keys}, each at least once, the rest
 * further versions of keys already seen, so early keys collect more versions (a long tail of hot
 * keys). A key first appears with probability (keys not yet seen) / (rows left); keys appear
 * first in a shuffled order ({@code multiplier * j + offset mod keys} visits every index once).
 */
public final class KeySequence {
    /** Below this, multiplier * index (both less than keys) cannot overflow a long. */
    private static final long EXACT_IN_A_LONG = 3_037_000_499L;

    private final long keys;
    private final long multiplier;
    private final long offset;
    private long seen;

    public KeySequence(long keys, SplittableRandom random) {
        this.keys = keys;
        long candidate = keys == 1 ? 1 : random.nextLong(1, keys);
        while (gcd(candidate, keys) != 1) {
            candidate = candidate % (keys - 1) + 1;
        }
        this.multiplier = candidate;
        this.offset = random.nextLong(keys);
    }

    /** The next row's key, 1..keys; {@code rowsLeft} counts this row too. */
    public long next(SplittableRandom random, long rowsLeft) {
        long index = seen == 0 || random.nextLong(rowsLeft) < keys - seen ? seen++ : random.nextLong(seen);
        long product = keys <= EXACT_IN_A_LONG ? multiplier * index % keys
                : BigInteger.valueOf(multiplier).multiply(BigInteger.valueOf(index)).mod(BigInteger.valueOf(keys)).longValue();
        return (product + offset) % keys + 1;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
