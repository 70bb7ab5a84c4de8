package mq.generate.schema;

/**
 * What to generate.
 *
 * @param keys distinct keys of a Record Key field; 0 takes the field's {@code keys} option, else count / 5
 */
public record SchemaRun(Schema schema, long count, long keys, long seed, SchemaFormat format) {
    public SchemaRun {
        if (count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, was " + count);
        }
        if (keys < 0 || keys > count) {
            throw new IllegalArgumentException("--keys must be between 1 and --count (" + count + "), was " + keys);
        }
    }

    /** The distinct keys this run writes, when the schema has a Record Key field. */
    long resolvedKeys() {
        if (keys > 0) {
            return keys;
        }
        for (FieldSpec field : schema.fields()) {
            if (field.type().equals("Record Key")) {
                long option = (long) field.number("keys", 0);
                if (option > 0) {
                    return Math.min(option, count);
                }
            }
        }
        return Math.max(1, count / 5);
    }

    boolean hasKey() {
        return schema.fields().stream().anyMatch(field -> field.type().equals("Record Key"));
    }
}
