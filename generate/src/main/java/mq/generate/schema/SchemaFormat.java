package mq.generate.schema;

import java.util.Locale;

/** How generated records are laid out in the file. */
public enum SchemaFormat {
    /** One JSON array: {@code [} on the first line, one object per line, {@code ]} on the last (Mockaroo's JSON). */
    JSON,
    /** JSON Lines: one object per line. */
    JSONL,
    /** A header row, then one record per line; quoted where needed (Mockaroo's CSV). */
    CSV;

    public static SchemaFormat of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected json, jsonl or csv but was '" + name + "'");
        }
    }
}
