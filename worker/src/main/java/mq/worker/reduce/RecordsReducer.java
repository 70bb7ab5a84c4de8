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
import mq.common.exact.DecimalText;
import mq.common.protocol.ChunkMeta;
import mq.common.protocol.RecordSpec;
import mq.common.records.LatestRecords;
import mq.common.records.RecordKey;
import mq.common.records.RecordVersion;

/**
 * Reduces a chunk of JSON records (one object per line) to the latest version of each key in it:
 * the combiner that keeps partial results, and the aggregator's work, small when keys repeat.
 */
final class RecordsReducer {
    private final BusyWork busyWork;

    RecordsReducer(BusyWork busyWork) {
        this.busyWork = busyWork;
    }

    record Result(LatestRecords latest, long records, BadLines bad) {
    }

    Result reduce(ChunkMeta meta, byte[] body) {
        RecordSpec spec = meta.recordSpec();
        RecordFields fields = new RecordFields(wantedFields(spec));
        LatestRecords latest = new LatestRecords();
        BadLines bad = new BadLines();
        long[] records = {0};
        BodyLines.forEach(body, (bodyLine, from, to) -> {
            if (from == to) {
                return;
            }
            busyWork.perRecord();
            long position = meta.firstRecord() + records[0]++;
            long line = meta.inputLine(bodyLine);
            String text = BodyLines.text(body, from, to);
            try {
                latest.add(read(spec, fields, body, from, to, text, position, line));
            } catch (BadRecordException e) {
                bad.add(line, text, e.getMessage());
            }
        });
        return new Result(latest, records[0], bad);
    }

    /** The key field, the timestamp field, then the sum fields: what {@link RecordFields} keeps. */
    private static List<String> wantedFields(RecordSpec spec) {
        List<String> wanted = new ArrayList<>();
        wanted.add(spec.keyField());
        wanted.add(spec.timestampField());
        wanted.addAll(spec.sumFields());
        return wanted;
    }

    private static RecordVersion read(RecordSpec spec, RecordFields fields, byte[] body, int from, int to, String text,
                                      long position, long line) {
        try {
            fields.read(body, from, to);
        } catch (RecordFields.NotAnObjectException e) {
            throw new BadRecordException(e.getMessage());
        } catch (JsonProcessingException e) {
            throw new BadRecordException("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BadRecordException("unreadable: " + e.getMessage());
        }
        RecordKey key = key(fields.value(0), spec.keyField());
        Instant timestamp = timestamp(fields.value(1), spec.timestampField());
        Map<String, BigDecimal> sums = spec.sumFields().isEmpty() ? Map.of() : new HashMap<>();
        for (int i = 0; i < spec.sumFields().size(); i++) {
            JsonNode value = fields.value(2 + i);
            if (value != null && !value.isNull()) {
                sums.put(spec.sumFields().get(i), decimal(value, spec.sumFields().get(i)));
            }
        }
        return new RecordVersion(key, timestamp, position, line, sums, text);
    }

    private static RecordKey key(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            throw new BadRecordException("no key field '" + field + "'");
        }
        if (value.isNumber()) {
            return RecordKey.ofNumber(inRange(value.decimalValue(), "key field '" + field + "'"));
        }
        if (value.isTextual()) {
            return RecordKey.ofText(value.textValue());
        }
        throw new BadRecordException("key field '" + field + "' must be a string or a number, was " + value);
    }

    private static Instant timestamp(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            throw new BadRecordException("no timestamp field '" + field + "'");
        }
        try {
            return TimestampParser.parse(value);
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
