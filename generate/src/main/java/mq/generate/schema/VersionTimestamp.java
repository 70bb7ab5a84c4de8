package mq.generate.schema;

/**
 * A Version Timestamp field: the time a version of the row's key was written, as the jobs'
 * {@code --timestamp-field} reads it. What Mockaroo lacks: versions of a key arrive out of time
 * order (each is random in {@code [min, max]}), and a share of keys have ties: for one key in
 * {@code 100 / tieKeysPercent} (default 2%), about half the versions carry the same instant, which
 * is also that key's latest, so the reducer's tie rule (later in the file wins) is exercised.
 */
final class VersionTimestamp {
    private VersionTimestamp() {
    }

    static Column column(FieldSpec field, FieldTypes.Context context) {
        long min = DatetimeFormat.epochSecond(field.text("min", "01/01/2025"), field.name());
        long max = DatetimeFormat.epochSecond(field.text("max", "12/31/2025"), field.name());
        double tiePercent = field.number("tieKeysPercent", 2);
        if (min >= max || tiePercent < 0 || tiePercent > 100) {
            throw new SchemaException("field '" + field.name() + "': needs min before max and tieKeysPercent 0 to 100");
        }
        DatetimeFormat format = DatetimeFormat.of(field.text("format", "ISO 8601 (UTC)"), field.name());
        long span = max - min;
        long tieOneIn = tiePercent == 0 ? Long.MAX_VALUE : Math.round(100 / tiePercent);
        long seed = context.seed() ^ field.name().hashCode();
        return (row, cell) -> {
            long hash = mix(seed ^ mix(row.key));
            long second = row.random.nextLong(span);
            if (row.key > 0 && Long.remainderUnsigned(hash, tieOneIn) == 0) {
                long latest = span - 1 - Long.remainderUnsigned(mix(hash), Math.max(1, span / 12));
                second = row.random.nextBoolean() ? latest : second % latest;
            }
            String text = format.format(min + second);
            if (format.isNumber()) cell.number(text); else cell.text(text);
        };
    }

    /** SplitMix64's finalizer: a well-spread hash of a long. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
