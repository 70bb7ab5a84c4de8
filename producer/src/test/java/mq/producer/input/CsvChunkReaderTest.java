package mq.producer.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mq.common.protocol.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvChunkReaderTest {
    private static final String MOCKAROO = """
            id,first_name,note,updated_at
            1,Ann,"Smith, Jr.",4/16/2025
            2,Bob,"two
            lines",4/17/2025
            3,"O""Brien",,4/18/2025
            """;

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("MOCK_DATA.csv"), content, StandardCharsets.UTF_8);
    }

    private static List<ChunkDraft> readAll(Path file, int rows, char delimiter) throws IOException {
        return ChunksOf.file(file, InputFormat.CSV, rows, delimiter);
    }

    private static String body(ChunkDraft chunk) {
        return ChunksOf.body(chunk);
    }

    @Test
    void aRecordLongerThanTheLimitStopsTheReaderNamingItsLine() throws IOException {
        // Given a CSV whose third line opens a quoted field that runs past the longest record (no closing quote)
        Path input = file("id,note\n1,short\n2,\"" + "x".repeat(Limits.MAX_LINE_BYTES + 10));

        // Then the reader stops at the limit, rather than buffering the rest of the file
        assertThatThrownBy(() -> readAll(input, 100, ','))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.problem()).isEqualTo("record longer than " + Limits.MAX_LINE_BYTES
                            + " bytes, the longest record accepted (--max-line-bytes)");
                });
    }

    @Test
    void aCsvFileIsDetectedByItsName() throws IOException {
        assertThat(InputFormat.detect(file("id\n1\n"))).isEqualTo(InputFormat.CSV);
        assertThat(InputFormat.fromOption("csv", dir.resolve("other.txt"))).isEqualTo(InputFormat.CSV);
    }

    @Test
    void theHeaderRowTravelsWithEveryChunkAndIsNotARecord() throws IOException {
        List<ChunkDraft> chunks = readAll(file(MOCKAROO), 2, ',');

        assertThat(chunks).hasSize(2);
        assertThat(chunks).allSatisfy(chunk ->
                assertThat(chunk.csvColumns()).containsExactly("id", "first_name", "note", "updated_at"));
        assertThat(chunks.get(0).records()).isEqualTo(2);
        assertThat(chunks.get(0).firstLine()).isEqualTo(2);
        assertThat(chunks.get(0).firstRecord()).isZero();
    }

    @ParameterizedTest(name = "{0} record(s) per chunk")
    @ValueSource(ints = {1, 2, 3, 100})
    void chunksEndOnRecordBoundariesNeverInsideAQuotedLineBreak(int rows) throws IOException {
        List<ChunkDraft> chunks = readAll(file(MOCKAROO), rows, ',');

        // the bodies put together are the input after its header row, byte for byte
        StringBuilder all = new StringBuilder();
        chunks.forEach(chunk -> all.append(body(chunk)));
        assertThat(all.toString()).isEqualTo(MOCKAROO.substring(MOCKAROO.indexOf('\n') + 1));
        assertThat(chunks.stream().mapToInt(ChunkDraft::records).sum()).isEqualTo(3);
        if (rows == 1) {
            assertThat(body(chunks.get(1))).isEqualTo("2,Bob,\"two\nlines\",4/17/2025\n");
            assertThat(chunks.get(2).firstLine()).as("the quoted line break counts as an input line").isEqualTo(5);
            assertThat(chunks.get(2).firstRecord()).isEqualTo(2);
        }
    }

    @Test
    void crlfLineEndsAByteOrderMarkBlankLinesAndNoFinalLineBreakAreRead() throws IOException {
        Path input = file("\uFEFFid;name\r\n1;\"a;b\"\r\n\r\n2;c");

        List<ChunkDraft> chunks = readAll(input, 10, ';');

        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0).csvColumns()).containsExactly("id", "name");
        assertThat(chunks.get(0).records()).isEqualTo(2);
        assertThat(chunks.get(0).blankLines()).isEqualTo(1);
        assertThat(body(chunks.get(0))).isEqualTo("1;\"a;b\"\r\n\r\n2;c\n");
    }

    @Test
    void aQuotedFieldThatNeverClosesNamesTheLineWhereItStarted() throws IOException {
        Path input = file("id,note\n1,fine\n2,\"never closed\n3,x\n");

        assertThatThrownBy(() -> readAll(input, 10, ','))
                .isInstanceOf(InputException.class)
                .hasMessage("line 3: a quoted field is never closed (a '\"' is missing): 2,\"never closed");
    }

    @Test
    void aFileWithoutAHeaderRowOrWithARepeatedColumnIsAnError() throws IOException {
        assertThatThrownBy(() -> readAll(file(""), 10, ','))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("line 1: a CSV file starts with a header row naming the fields");
        assertThatThrownBy(() -> readAll(file("id,name,id\n1,a,2\n"), 10, ','))
                .isInstanceOf(InputException.class)
                .hasMessage("line 1: unreadable CSV header row: the header row names column 'id' twice: id,name,id");
    }

    @Test
    void aHeaderWithoutRecordsIsAnEmptyJob() throws IOException {
        assertThat(readAll(file("id,updated_at\n"), 10, ',')).isEmpty();
    }
}
