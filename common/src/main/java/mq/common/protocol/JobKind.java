package mq.common.protocol;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a job computes: statistics of numbers, or the latest version of keyed JSON records. */
public enum JobKind {
    NUMBERS("numbers"),
    RECORDS("records");

    private final String wireName;

    JobKind(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static JobKind fromWire(String name) {
        for (JobKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown job kind '" + name + "' (expected numbers or records)");
    }
}
