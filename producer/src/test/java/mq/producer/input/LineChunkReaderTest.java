package mq.producer.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LineChunkReaderTest {

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("input.txt"), content, StandardCharsets.UTF_8);
    }

    private static List<ChunkDraft> readAll(Path file, InputFormat format, int rows) throws IOException {
        return ChunksOf.file(file, format, rows, ',');
    }

    private static String body(ChunkDraft chunk) {
        return ChunksOf.body(chunk);
    }

    private static String numbers(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(Integer::toString).collect(Collectors.joining("\n", "", "\n"));
    }

    @ParameterizedTest(name = "{0} rows by {1}: {2} chunks, last of {3}")
    @CsvSource({
            "10, 5, 2, 5",
            "10, 3, 4, 1",
            "10, 10, 1, 10",
            "10, 100, 1, 10",
            "10, 1, 10, 1",
            "1000, 7, 143, 6"})
    void cutsFullChunksAndARemainder(int rows, int perChunk, int expectedChunks, int lastRecords) throws IOException {
        List<ChunkDraft> chunks = readAll(file(numbers(rows)), InputFormat.NUMBERS, perChunk);

        assertThat(chunks).hasSize(expectedChunks);
        assertThat(chunks.subList(0, expectedChunks - 1)).allSatisfy(c -> assertThat(c.records()).isEqualTo(perChunk));
        assertThat(chunks.get(expectedChunks - 1).records()).isEqualTo(lastRecords);
    }

    @Test
    void chunksAreNumberedAndKnowTheirFirstLineAndRecord() throws IOException {
        List<ChunkDraft> chunks = readAll(file(numbers(10)), InputFormat.NUMBERS, 4);

        assertThat(chunks).extracting(ChunkDraft::index).containsExactly(0, 1, 2);
        assertThat(chunks).extracting(ChunkDraft::firstLine).containsExactly(1L, 5L, 9L);
        assertThat(chunks).extracting(ChunkDraft::firstRecord).containsExactly(0L, 4L, 8L);
        assertThat(body(chunks.get(1))).isEqualTo("5\n6\n7\n8\n");
        assertThat(chunks).allSatisfy(c -> assertThat(c.lines()).isNull());
    }

    @Test
    void blankLinesTravelInTheBodyButAreNotRecords() throws IOException {
        List<ChunkDraft> chunks = readAll(file("1\n\n2\n  \n\t\n3\n4\n\n5\n"), InputFormat.NUMBERS, 2);

        assertThat(chunks).hasSize(3);
        assertThat(body(chunks.get(0))).isEqualTo("1\n\n2\n");
        assertThat(chunks.get(0).blankLines()).isEqualTo(1);
        assertThat(body(chunks.get(1))).isEqualTo("  \n\t\n3\n4\n");
        assertThat(chunks.get(1).records()).isEqualTo(2);
        assertThat(chunks.get(1).blankLines()).isEqualTo(2);
        assertThat(chunks.get(1).firstLine()).isEqualTo(4);
        assertThat(chunks.get(1).firstRecord()).isEqualTo(2);
        assertThat(chunks.get(2).firstLine()).isEqualTo(8);
        assertThat(chunks.get(2).firstRecord()).isEqualTo(4);
    }

    @Test
    void leadingBlankLinesBelongToTheFirstChunk() throws IOException {
        List<ChunkDraft> chunks = readAll(file("\n\n7\n"), InputFormat.NUMBERS, 5);

        assertThat(chunks).singleElement().satisfies(c -> {
            assertThat(c.firstLine()).isEqualTo(1);
            assertThat(c.records()).isEqualTo(1);
            assertThat(c.blankLines()).isEqualTo(2);
        });
    }

    @Test
    void keepsCarriageReturnsForTheWorkers() throws IOException {
        List<ChunkDraft> chunks = readAll(file("1\r\n2\r\n\r\n3\r\n"), InputFormat.NUMBERS, 2);

        assertThat(chunks).hasSize(2);
        assertThat(body(chunks.get(0))).isEqualTo("1\r\n2\r\n");
        assertThat(body(chunks.get(1))).isEqualTo("\r\n3\r\n");
        assertThat(chunks.get(1).blankLines()).isEqualTo(1);
        assertThat(chunks.get(1).firstLine()).isEqualTo(3);
    }

    @Test
    void lastLineWithoutNewlineGetsOne() throws IOException {
        List<ChunkDraft> chunks = readAll(file("1\n2\n3"), InputFormat.NUMBERS, 2);

        assertThat(chunks).hasSize(2);
        assertThat(body(chunks.get(1))).isEqualTo("3\n");
        assertThat(chunks.get(1).records()).isEqualTo(1);
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstLine() throws IOException {
        List<ChunkDraft> chunks = readAll(file("\uFEFF12\n13\n"), InputFormat.NUMBERS, 10);

        assertThat(body(chunks.get(0))).isEqualTo("12\n13\n");
    }

    @Test
    void aByteOrderMarkAloneIsAnEmptyFile() throws IOException {
        assertThat(readAll(file("\uFEFF"), InputFormat.NUMBERS, 10)).isEmpty();
    }

    @Test
    void aByteOrderMarkLaterInTheFileIsKept() throws IOException {
        List<ChunkDraft> chunks = readAll(file("1\n\uFEFF2\n"), InputFormat.NUMBERS, 10);

        assertThat(body(chunks.get(0))).isEqualTo("1\n\uFEFF2\n");
    }

    @Test
    void anEmptyFileHasNoChunk() throws IOException {
        assertThat(readAll(file(""), InputFormat.NUMBERS, 10)).isEmpty();
    }

    @Test
    void aFileOfBlankLinesHasNoChunk() throws IOException {
        assertThat(readAll(file("\n  \n\r\n"), InputFormat.NUMBERS, 10)).isEmpty();
    }

    @ParameterizedTest(name = "{0} rows per chunk")
    @ValueSource(ints = {1, 2, 3, 7, 64, 1000})
    void bodiesConcatenatedAreTheFile(int rows) throws IOException {
        String content = "{\"id\":1,\"s\":\"é €\"}\r\n\n{\"id\":2}\n   \n{\"id\":3}\n".repeat(50) + "{\"id\":\"last\"}";
        ByteArrayOutputStream joined = new ByteArrayOutputStream();

        List<ChunkDraft> chunks = readAll(file(content), InputFormat.JSON_LINES, rows);
        for (ChunkDraft chunk : chunks) {
            joined.write(chunk.body());
        }

        assertThat(joined.toString(StandardCharsets.UTF_8)).isEqualTo(content + "\n");
        assertThat(chunks.stream().mapToLong(ChunkDraft::records).sum()).isEqualTo(151);
        assertThat(chunks.stream().mapToLong(ChunkDraft::blankLines).sum()).isEqualTo(100);
    }

    @Test
    void linesLongerThanTheReadBufferStayWhole() throws IOException {
        String longLine = "{\"text\":\"" + "x".repeat(200_000) + "\"}";
        List<ChunkDraft> chunks = readAll(file(longLine + "\n" + longLine + "\n"), InputFormat.JSON_LINES, 1);

        assertThat(chunks).hasSize(2);
        assertThat(body(chunks.get(1))).isEqualTo(longLine + "\n");
        assertThat(chunks.get(1).firstLine()).isEqualTo(2);
    }

    @Test
    void aChunkClosesAtTheFirstLineEndPastTheByteLimit() throws IOException {
        String content = "12345\n12345\n12345\n\n12345\n123456789012345\n1\n";
        List<ChunkDraft> chunks = new ArrayList<>();
        try (ChunkReader reader = new LineChunkReader(new java.io.ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), 100, 10, 1000)) {
            ChunkDraft chunk;
            while ((chunk = reader.next()) != null) {
                chunks.add(chunk);
            }
        }

        assertThat(chunks).extracting(LineChunkReaderTest::body)
                .containsExactly("12345\n12345\n", "12345\n\n12345\n", "123456789012345\n", "1\n");
        assertThat(chunks).extracting(ChunkDraft::firstLine).containsExactly(1L, 3L, 6L, 7L);
        assertThat(chunks).extracting(ChunkDraft::firstRecord).containsExactly(0L, 2L, 4L, 5L);
    }

    @Test
    void countsTheBytesItRead() throws IOException {
        Path input = file(numbers(100));
        try (ChunkReader reader = ChunkReader.open(input, InputFormat.NUMBERS, 1000)) {
            reader.next();

            assertThat(reader.bytesRead()).isEqualTo(Files.size(input));
        }
    }

    @Test
    void aChunkSizeBelowOneIsRejected() {
        assertThatThrownBy(() -> ChunkReader.open(dir.resolve("x"), InputFormat.NUMBERS, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }
}
