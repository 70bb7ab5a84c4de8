package mq.worker.reduce;

import static mq.worker.reduce.Chunks.crc32c;
import static mq.worker.reduce.Chunks.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import mq.common.protocol.BadLine;
import mq.common.protocol.ChunkMeta;
import mq.common.protocol.JobKind;
import mq.common.protocol.Partial;
import mq.common.protocol.RecordSpec;
import mq.common.records.RecordKey;
import mq.common.records.RecordVersion;
import org.junit.jupiter.api.Test;

class ChunkReducerCsvTest {
    private static final List<String> COLUMNS = List.of("id", "name", "price", "updated_at");
    private static final RecordSpec SPEC = new RecordSpec("id", "updated_at", List.of("price"))
            .withTimestampFormat("M/d/yyyy H:mm", "UTC");

    private final ChunkReducer reducer = new ChunkReducer("w", BusyWork.NONE);

    private Partial reduce(RecordSpec spec, long firstLine, String body) {
        byte[] bytes = utf8(body);
        ChunkMeta meta = new ChunkMeta(Chunks.JOB, 0, JobKind.RECORDS, "MOCK_DATA.csv", firstLine, 10, csvRecords(body), crc32c(bytes),
                1_000, spec, null, COLUMNS, null);
        return reducer.reduce(meta.toHeaders(), bytes, 0);
    }

    /** What the producer puts in mq-records for a CSV body: records, not lines (quoted line breaks stay inside), blank lines left out. */
    private static int csvRecords(String body) {
        int records = 0;
        boolean quoted = false;
        boolean blank = true;
        for (char c : body.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == '\n' && !quoted) {
                records += blank ? 0 : 1;
                blank = true;
            } else if (c != '\r') {
                blank = false;
            }
        }
        return records + (blank ? 0 : 1);
    }

    @Test
    void aCsvRecordBecomesTheJsonObjectOfItsColumnsWithValuesAsWrittenAndBlanksAsNull() {
        Partial partial = reduce(SPEC, 2, "7,\"Smith, \"\"Jr.\"\"\",0012.50,4/16/2025 9:05\r\n8,,,4/16/2025 9:05\n");

        assertThat(partial.error()).isNull();
        assertThat(partial.latest()).extracting(RecordVersion::json).containsExactly(
                "{\"id\":\"7\",\"name\":\"Smith, \\\"Jr.\\\"\",\"price\":\"0012.50\",\"updated_at\":\"4/16/2025 9:05\"}",
                "{\"id\":\"8\",\"name\":null,\"price\":null,\"updated_at\":\"4/16/2025 9:05\"}");
        assertThat(partial.latest().get(0).sumValues()).containsEntry("price", new BigDecimal("12.50"));
        assertThat(partial.latest().get(0).key()).isEqualTo(RecordKey.ofText("7"));
        assertThat(partial.latest()).extracting(RecordVersion::line).containsExactly(2L, 3L);
        assertThat(partial.latest()).extracting(RecordVersion::position).containsExactly(10L, 11L);
    }

    @Test
    void keysAreTextUnlessTheKeyTypeIsNumber() {
        String body = "7,a,,1/1/2025 0:00\n7.0,b,,1/2/2025 0:00\n007,c,,1/3/2025 0:00\n";

        assertThat(reduce(SPEC, 2, body).latest()).hasSize(3);
        Partial numeric = reduce(SPEC.withKeyType(RecordSpec.KeyType.NUMBER), 2, body);
        assertThat(numeric.latest()).singleElement().satisfies(v -> {
            assertThat(v.key()).isEqualTo(RecordKey.ofNumber(BigDecimal.valueOf(7)));
            assertThat(v.json()).contains("\"c\"");
        });
    }

    @Test
    void aLineBreakInsideQuotesKeepsTheFollowingRecordsOnTheirOwnInputLines() {
        Partial partial = reduce(SPEC, 5, "1,\"two\nlines\",,1/1/2025 0:00\n\n2,x,,not a date\n");

        assertThat(partial.latest()).extracting(RecordVersion::line).containsExactly(5L);
        assertThat(partial.badSamples()).containsExactly(new BadLine(8, "2,x,,not a date",
                "timestamp field 'updated_at' 'not a date' does not match the timestamp format 'M/d/yyyy H:mm'"));
    }

    @Test
    void badCsvRecordsAreNamedByLineAndText() {
        Partial partial = reduce(SPEC, 2, "1,a,1\n2,\"a\"b,1,1/1/2025 0:00\n3,c,ten,1/1/2025 0:00\n4,d,,\n");

        assertThat(partial.records()).isEqualTo(4);
        assertThat(partial.badSamples()).extracting(BadLine::line, BadLine::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "1,a,1"),
                org.assertj.core.groups.Tuple.tuple(3L, "2,\"a\"b,1,1/1/2025 0:00"),
                org.assertj.core.groups.Tuple.tuple(4L, "3,c,ten,1/1/2025 0:00"),
                org.assertj.core.groups.Tuple.tuple(5L, "4,d,,"));
        assertThat(partial.badSamples()).extracting(BadLine::error).containsExactly(
                "has 3 fields but the header row names 4",
                partial.badSamples().get(1).error(),
                "sum field 'price' is not a number: \"ten\"",
                "no timestamp field 'updated_at'");
        assertThat(partial.badSamples().get(1).error()).startsWith("malformed CSV: ");
    }

    @Test
    void aTimestampFormatReadsWallClockTimeInTheGivenZone() {
        RecordSpec berlin = SPEC.withTimestampFormat("dd.MM.yyyy HH:mm", "Europe/Berlin");

        Partial partial = reduce(berlin, 2, "1,a,,16.04.2025 10:00\n");

        assertThat(partial.latest().get(0).timestamp()).hasToString("2025-04-16T08:00:00Z");
    }
}
