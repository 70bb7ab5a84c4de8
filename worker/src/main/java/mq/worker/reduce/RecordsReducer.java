package mq.worker.reduce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import mq.common.exact.DecimalText;
import mq.common.protocol.ChunkMeta;
import mq.common.protocol.Json;
import mq.common.protocol.RecordSpec;
import mq.common.records.LatestRecords;
import mq.common.records.RecordKey;
import mq.common.records.RecordVersion;

/**
 * Reduces a chunk of records (one JSON object per line, or CSV records under a header row) to the
 * latest version of each key in it: the combiner that keeps partial results, and the
 * aggregator's work, small when keys repeat. A CSV record becomes the JSON object of its columns
 * first, so that both formats are read by the same rules.
 */
final class RecordsReducer {
    private final BusyWork busyWork;

    RecordsReducer(BusyWork busyWork) {
        this.busyWork = busyWork;
    }

    record Result(LatestRecords latest, long records, BadLines bad) {
    }

    /** Throws {@link IllegalArgumentException} when the spec's timestamp format or zone is not valid java.time. */
    Result reduce(ChunkMeta meta, byte[] body) {
        RecordSpec spec = meta.recordSpec();
        LatestRecords latest = new LatestRecords();
        BadLines bad = new BadLines();
        long[] records = {0};
        Fields fields = new Fields(spec, TimestampReader.of(spec));
        if (meta.isCsv()) {
            CsvBodyRecords.forEach(meta, body, (line, text, object, error) -> {
                busyWork.perRecord();
                long position = meta.firstRecord() + records[0]++;
                try {
                    if (object == null) {
                        throw new BadRecordException(error);
                    }
                    latest.add(fields.version(object, Json.RECORDS.writeValueAsString(object), position, line));
                } catch (BadRecordException e) {
                    bad.add(line, text, e.getMessage());
                } catch (JsonProcessingException e) {
                    bad.add(line, text, "unreadable: " + e.getOriginalMessage());
                }
            });
            return new Result(latest, records[0], bad);
        }
        RecordFields wanted = new RecordFields(wantedFields(spec));
        BodyLines.forEach(body, (bodyLine, from, to) -> {
            if (from == to) {
                return;
            }
            busyWork.perRecord();
            long position = meta.firstRecord() + records[0]++;
            long line = meta.inputLine(bodyLine);
            String text = BodyLines.text(body, from, to);
            try {
                read(wanted, body, from, to);
                latest.add(fields.version(wanted::get, text, position, line));
            } catch (BadRecordException e) {
                bad.add(line, text, e.getMessage());
            }
        });
        return new Result(latest, records[0], bad);
    }

    /** The key field, the timestamp field, then the sum fields: what {@link RecordFields} keeps of a line. */
    private static List<String> wantedFields(RecordSpec spec) {
        List<String> wanted = new ArrayList<>();
        wanted.add(spec.keyField());
        wanted.add(spec.timestampField());
        wanted.addAll(spec.sumFields());
        return wanted;
    }

    private static void read(RecordFields wanted, byte[] body, int from, int to) {
        try {
            wanted.read(body, from, to);
        } catch (RecordFields.NotAnObjectException e) {
            throw new BadRecordException(e.getMessage());
        } catch (JsonProcessingException e) {
            throw new BadRecordException("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRecordException("unreadable: " + e.getMessage());
        }
    }

    /** Reads key, timestamp and sum fields out of a record, whether it came as JSON or as CSV. */
    private record Fields(RecordSpec spec, TimestampReader timestamps) {
        RecordVersion version(JsonNode node, String json, long position, long line) {
            if (!node.isObject()) {
                throw new BadRecordException("not a JSON object");
            }
            return version(node::get, json, position, line);
        }

        /** @param field a field's value by name, {@code null} when the record has no such field */
        RecordVersion version(Function<String, JsonNode> field, String json, long position, long line) {
            RecordKey key = key(field.apply(spec.keyField()), spec.keyField(), spec.keyType());
            Instant timestamp = timestamp(field.apply(spec.timestampField()), spec.timestampField(), timestamps);
            Map<String, BigDecimal> sums = spec.sumFields().isEmpty() ? Map.of() : new HashMap<>();
            for (String name : spec.sumFields()) {
                JsonNode value = field.apply(name);
                if (value != null && !value.isNull()) {
                    sums.put(name, decimal(value, name));
                }
            }
            return new RecordVersion(key, timestamp, position, line, sums, json);
        }
    }

    private static RecordKey key(JsonNode value, String field, RecordSpec.KeyType type) {
        if (value == null || value.isNull()) {
            throw new BadRecordException("no key field '" + field + "'");
        }
        if (type == RecordSpec.KeyType.NUMBER && value.isTextual()) {
            try {
                return RecordKey.ofNumber(DecimalText.parse(value.textValue().strip()));
            } catch (NumberFormatException e) {
                throw new BadRecordException("key field '" + field + "' is not a number: " + value.textValue());
            }
        }
        if (value.isNumber()) {
            return RecordKey.ofNumber(inRange(value.decimalValue(), "key field '" + field + "'"));
        }
        if (value.isTextual()) {
            return RecordKey.ofText(value.textValue());
        }
        throw new BadRecordException("key field '" + field + "' must be a string or a number, was " + value);
    }

    private static Instant timestamp(JsonNode value, String field, TimestampReader timestamps) {
        if (value == null || value.isNull()) {
            throw new BadRecordException("no timestamp field '" + field + "'");
        }
        try {
            return timestamps.read(value);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new BadRecordException("timestamp field '" + field + "' " + e.getMessage());
        }
    }

    private static BigDecimal decimal(JsonNode value, String field) {
        if (value.isNumber()) {
            return inRange(value.decimalValue(), "sum field '" + field + "'");
        }
        if (value.isTextual()) {
            try {
                return DecimalText.parse(value.textValue());
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new BadRecordException("sum field '" + field + "' is not a number: " + value);
    }

    private static BigDecimal inRange(BigDecimal value, String what) {
        try {
            return DecimalText.checkInRange(value);
        } catch (NumberFormatException e) {
            throw new BadRecordException(what + " is " + e.getMessage());
        }
    }

    private static final class BadRecordException extends RuntimeException {
        BadRecordException(String message) {
            super(message, null, false, false);
        }
    }
}
