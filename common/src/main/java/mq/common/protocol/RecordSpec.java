package mq.common.protocol;

import java.util.List;

/**
 * How to read a records job: which field is the key, which the timestamp, which fields to sum.
 * Top-level field names only; a nested value can be neither key nor timestamp.
 */
public record RecordSpec(String keyField, String timestampField, List<String> sumFields) {
    public static final RecordSpec DEFAULT = new RecordSpec("id", "updated_at", List.of());

    public RecordSpec {
        sumFields = List.copyOf(sumFields);
    }
}
