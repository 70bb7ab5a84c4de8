package mq.generate.schema;

import java.util.SplittableRandom;

/** What the columns of one row share: the random stream, the row's number and its key. */
final class Row {
    final SplittableRandom random;
    /** 1-based. */
    long number;
    /** The row's key (1..keys), when the schema has a Record Key; else 0. */
    long key;

    Row(SplittableRandom random) {
        this.random = random;
    }

    <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }
}
