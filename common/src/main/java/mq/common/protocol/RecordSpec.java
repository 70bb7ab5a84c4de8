package mq.common.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * How to read a records job: which field is the key, which the timestamp, which fields to sum,
 * and how to read the key and timestamp values and CSV input.
 * Top-level field names only; a nested value can be neither key nor timestamp.
 *
 * @param keyType         how keys compare: {@link KeyType#AUTO} keeps a JSON key's own type (CSV
 *                        keys are text), {@link KeyType#NUMBER} reads every key as a number
 * @param timestampFormat a {@link java.time.format.DateTimeFormatter} pattern such as {@code M/d/yyyy},
 *                        or {@code null} for the built-in ISO-8601 and epoch readings
 * @param timestampZone   the zone of timestamps that carry no offset, {@code UTC} by default
 * @param csvDelimiter    the field delimiter of CSV input
 */
public record RecordSpec(String keyField, String timestampField, List<String> sumFields,
                         KeyType keyType, String timestampFormat, String timestampZone, char csvDelimiter) {
    public static final RecordSpec DEFAULT = new RecordSpec("id", "updated_at", List.of());
    public static final String DEFAULT_ZONE = "UTC";

    public RecordSpec {
        sumFields = List.copyOf(sumFields);
        keyType = keyType == null ? KeyType.AUTO : keyType;
        timestampZone = timestampZone == null || timestampZone.isBlank() ? DEFAULT_ZONE : timestampZone;
        csvDelimiter = csvDelimiter == '\0' ? ',' : csvDelimiter; // absent from messages of older producers
    }

    public RecordSpec(String keyField, String timestampField, List<String> sumFields) {
        this(keyField, timestampField, sumFields, KeyType.AUTO, null, DEFAULT_ZONE, ',');
    }

    public RecordSpec withSumFields(List<String> fields) {
        return new RecordSpec(keyField, timestampField, fields, keyType, timestampFormat, timestampZone, csvDelimiter);
    }

    public RecordSpec withKeyType(KeyType type) {
        return new RecordSpec(keyField, timestampField, sumFields, type, timestampFormat, timestampZone, csvDelimiter);
    }

    public RecordSpec withTimestampFormat(String pattern, String zone) {
        return new RecordSpec(keyField, timestampField, sumFields, keyType, pattern, zone, csvDelimiter);
    }

    public RecordSpec withCsvDelimiter(char delimiter) {
        return new RecordSpec(keyField, timestampField, sumFields, keyType, timestampFormat, timestampZone, delimiter);
    }

    /** How record keys compare. */
    public enum KeyType {
        /** A JSON number is a number, a JSON string is text; CSV keys are text. */
        AUTO,
        /** Every key is read as a decimal number ({@code "007"} = {@code 7}); a key that is not one is a bad record. */
        NUMBER;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static KeyType fromWire(String name) {
            for (KeyType type : values()) {
                if (type.wireName().equals(name)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("unknown key type '" + name + "': use auto or number");
        }
    }
}
