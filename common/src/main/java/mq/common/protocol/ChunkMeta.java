package mq.common.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Everything about a chunk except its body, carried as message headers so that a worker needs no
 * other state to process it.
 *
 * @param job         the job id
 * @param index       0-based chunk number within the job
 * @param kind        numbers or records
 * @param source      the input file's name, for error messages
 * @param firstLine   1-based line of the input where the chunk's first body line starts
 * @param firstRecord 0-based ordinal of the chunk's first record within the whole input
 * @param records     how many records (non-blank lines) the body holds
 * @param crc32c      CRC-32C of the body, as the producer computed it
 * @param producedAt  epoch milliseconds when the producer sent the chunk; 0 when unknown (it only feeds timings)
 * @param recordSpec  key, timestamp and sum fields of a records job; {@code null} for numbers
 * @param lines       for bodies that are not the input's own lines (a JSON array re-written one
 *                    element per line): the input line of each body line; else {@code null}
 * @param csvColumns  for CSV bodies (records as the input wrote them, cut on record boundaries):
 *                    the column names of the input's header row; else {@code null}
 * @param owner       the aggregator that owns the job ({@code mq-owner}), or {@code null} for the default one
 */
public record ChunkMeta(String job, int index, JobKind kind, String source, long firstLine, long firstRecord,
                        int records, long crc32c, long producedAt, RecordSpec recordSpec, long[] lines,
                        List<String> csvColumns, String owner) {

    public ChunkMeta {
        csvColumns = csvColumns == null ? null : List.copyOf(csvColumns);
    }

    /** A chunk of a job of the default aggregator whose body is one JSON record or number per line. */
    public ChunkMeta(String job, int index, JobKind kind, String source, long firstLine, long firstRecord,
                     int records, long crc32c, long producedAt, RecordSpec recordSpec, long[] lines) {
        this(job, index, kind, source, firstLine, firstRecord, records, crc32c, producedAt, recordSpec, lines, null, null);
    }

    /** A chunk whose body is one JSON record or number per line. */
    public ChunkMeta(String job, int index, JobKind kind, String source, long firstLine, long firstRecord,
                     int records, long crc32c, long producedAt, RecordSpec recordSpec, long[] lines, String owner) {
        this(job, index, kind, source, firstLine, firstRecord, records, crc32c, producedAt, recordSpec, lines, null, owner);
    }

    /** Whether the body holds CSV records (see {@link #csvColumns}). */
    public boolean isCsv() {
        return csvColumns != null;
    }

    public Headers toHeaders() {
        RecordHeaders headers = new RecordHeaders();
        put(headers, ChunkHeaders.PROTOCOL, Integer.toString(ProtocolVersion.CURRENT));
        put(headers, ChunkHeaders.JOB, job);
        put(headers, ChunkHeaders.CHUNK, Integer.toString(index));
        put(headers, ChunkHeaders.KIND, kind.wireName());
        put(headers, ChunkHeaders.SOURCE, source);
        put(headers, ChunkHeaders.FIRST_LINE, Long.toString(firstLine));
        put(headers, ChunkHeaders.FIRST_RECORD, Long.toString(firstRecord));
        put(headers, ChunkHeaders.RECORDS, Integer.toString(records));
        put(headers, ChunkHeaders.CRC32C, Long.toString(crc32c));
        put(headers, ChunkHeaders.PRODUCED_AT, Long.toString(producedAt));
        put(headers, ChunkHeaders.OWNER, owner);
        if (recordSpec != null) {
            put(headers, ChunkHeaders.KEY_FIELD, recordSpec.keyField());
            put(headers, ChunkHeaders.TIMESTAMP_FIELD, recordSpec.timestampField());
            put(headers, ChunkHeaders.SUM_FIELDS, String.join(",", recordSpec.sumFields()));
            put(headers, ChunkHeaders.KEY_TYPE, recordSpec.keyType().wireName());
            put(headers, ChunkHeaders.TIMESTAMP_FORMAT, recordSpec.timestampFormat());
            put(headers, ChunkHeaders.TIMESTAMP_ZONE, recordSpec.timestampZone());
            put(headers, ChunkHeaders.CSV_DELIMITER, Character.toString(recordSpec.csvDelimiter()));
        }
        if (csvColumns != null) {
            put(headers, ChunkHeaders.CSV_COLUMNS, columnsText(csvColumns));
        }
        if (lines != null) {
            StringBuilder text = new StringBuilder(lines.length * 7);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) text.append(',');
                text.append(lines[i]);
            }
            put(headers, ChunkHeaders.LINES, text.toString());
        }
        return headers;
    }

    /**
     * Reads the headers back and checks them against docs/PROTOCOL.md; throws
     * {@link MalformedMessageException} naming the header that is missing or wrong.
     */
    public static ChunkMeta fromHeaders(Headers headers) {
        ProtocolVersion.check(header(headers, ChunkHeaders.PROTOCOL), "header " + ChunkHeaders.PROTOCOL);
        String job = JobId.check(required(headers, ChunkHeaders.JOB));
        JobKind kind = kind(required(headers, ChunkHeaders.KIND));
        RecordSpec spec = null;
        if (kind == JobKind.RECORDS) {
            String sums = header(headers, ChunkHeaders.SUM_FIELDS);
            spec = new RecordSpec(required(headers, ChunkHeaders.KEY_FIELD), required(headers, ChunkHeaders.TIMESTAMP_FIELD),
                    sums == null || sums.isEmpty() ? List.of() : Arrays.asList(sums.split(",")))
                    .withKeyType(keyType(header(headers, ChunkHeaders.KEY_TYPE)))
                    .withTimestampFormat(header(headers, ChunkHeaders.TIMESTAMP_FORMAT), header(headers, ChunkHeaders.TIMESTAMP_ZONE))
                    .withCsvDelimiter(delimiter(header(headers, ChunkHeaders.CSV_DELIMITER)));
        }
        String columns = header(headers, ChunkHeaders.CSV_COLUMNS);
        String lineList = header(headers, ChunkHeaders.LINES);
        String producedAt = header(headers, ChunkHeaders.PRODUCED_AT);
        return new ChunkMeta(
                job,
                (int) number(headers, ChunkHeaders.CHUNK, 0, Limits.MAX_CHUNKS - 1),
                kind,
                header(headers, ChunkHeaders.SOURCE),
                number(headers, ChunkHeaders.FIRST_LINE, 1, Long.MAX_VALUE),
                number(headers, ChunkHeaders.FIRST_RECORD, 0, Long.MAX_VALUE),
                (int) number(headers, ChunkHeaders.RECORDS, 0, Integer.MAX_VALUE),
                number(headers, ChunkHeaders.CRC32C, 0, 0xFFFF_FFFFL),
                producedAt == null ? 0 : number(headers, ChunkHeaders.PRODUCED_AT, 0, Long.MAX_VALUE),
                spec,
                lineList == null ? null : parseLines(lineList),
                columns == null ? null : parseColumns(columns),
                Owner.check(header(headers, ChunkHeaders.OWNER), "chunk header " + ChunkHeaders.OWNER));
    }

    private static JobKind kind(String text) {
        try {
            return JobKind.fromWire(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("chunk header " + ChunkHeaders.KIND + " is " + Terminal.quote(text)
                    + ", expected numbers or records");
        }
    }

    private static RecordSpec.KeyType keyType(String text) {
        try {
            return text == null ? RecordSpec.KeyType.AUTO : RecordSpec.KeyType.fromWire(text);
        } catch (IllegalArgumentException e) {
            throw new MalformedMessageException("chunk header " + ChunkHeaders.KEY_TYPE + ": " + e.getMessage());
        }
    }

    private static char delimiter(String text) {
        if (text == null) {
            return ',';
        }
        if (text.length() != 1) {
            throw new MalformedMessageException("chunk header " + ChunkHeaders.CSV_DELIMITER + " is not one character: " + Terminal.quote(text));
        }
        return text.charAt(0);
    }

    /** Column names as a JSON array of strings: a name may hold a comma. */
    private static String columnsText(List<String> columns) {
        try {
            return Json.MAPPER.writeValueAsString(columns);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode column names", e);
        }
    }

    private static List<String> parseColumns(String text) {
        try {
            return List.of(Json.MAPPER.readValue(text, String[].class));
        } catch (JsonProcessingException | NullPointerException e) {
            throw new MalformedMessageException("chunk header " + ChunkHeaders.CSV_COLUMNS + " is not a JSON array of names: " + Terminal.quote(text));
        }
    }

    /** The input line where body line {@code bodyLine} (0-based) starts. */
    public long inputLine(int bodyLine) {
        return lines != null && bodyLine < lines.length ? lines[bodyLine] : firstLine + bodyLine;
    }

    private static long[] parseLines(String text) {
        List<Long> values = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                values.add(Long.parseLong(part));
            } catch (NumberFormatException e) {
                throw new MalformedMessageException("chunk header " + ChunkHeaders.LINES + " holds "
                        + Terminal.quote(part) + ", not a line number");
            }
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static void put(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** CRC-32C of a chunk body: what the producer puts in {@code mq-crc32c} and a worker checks. */
    public static long crc32c(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return crc.getValue();
    }

    /** A header's text, or {@code null} when it is missing. */
    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null) {
            throw new MalformedMessageException("chunk message has no header " + name);
        }
        return value;
    }

    private static long number(Headers headers, String name, long min, long max) {
        String value = required(headers, name);
        long number;
        try {
            number = Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new MalformedMessageException("chunk header " + name + " is not a number: " + Terminal.quote(value));
        }
        if (number < min || number > max) {
            throw new MalformedMessageException("chunk header " + name + " is " + number + ", outside " + min + " … " + max);
        }
        return number;
    }
}
