package mq.producer.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mq.common.protocol.Limits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonArrayChunkReaderTest {

    /** As Mockaroo exports it: the array brackets on lines of their own, one object per line. */
    private static final String MOCKAROO = """
            [{"id":1,"first_name":"Ana","price":12.50,"updated_at":"2024-01-01T10:00:00Z"},
            {"id":2,"first_name":"Zoë","price":null,"updated_at":"2024-01-01T10:00:00Z"},
            {"id":3,"first_name":"李","price":0.10,"updated_at":"2024-01-02T10:00:00Z"},
            {"id":"x-4","first_name":null,"price":1E+3,"updated_at":"2024-01-03T10:00:00Z"},
            {"id":5,"address":{"city":"Oslo","zip":["0150",null]},"price":-7,"updated_at":"2024-01-04"}]
            """;

    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("data.json"), content, StandardCharsets.UTF_8);
    }

    private static List<ChunkDraft> readAll(Path file, int rows) throws IOException {
        return ChunksOf.file(file, InputFormat.JSON_ARRAY, rows, ',');
    }

    private static List<String> bodyLines(ChunkDraft chunk) {
        return ChunksOf.body(chunk).lines().toList();
    }

    @Test
    void rewritesEachElementOnALineOfItsOwn() throws IOException {
        List<ChunkDraft> chunks = readAll(file(MOCKAROO), 10);

        assertThat(chunks).singleElement().satisfies(chunk -> {
            assertThat(bodyLines(chunk)).containsExactly(
                    "{\"id\":1,\"first_name\":\"Ana\",\"price\":12.50,\"updated_at\":\"2024-01-01T10:00:00Z\"}",
                    "{\"id\":2,\"first_name\":\"Zoë\",\"price\":null,\"updated_at\":\"2024-01-01T10:00:00Z\"}",
                    "{\"id\":3,\"first_name\":\"李\",\"price\":0.10,\"updated_at\":\"2024-01-02T10:00:00Z\"}",
                    "{\"id\":\"x-4\",\"first_name\":null,\"price\":1E+3,\"updated_at\":\"2024-01-03T10:00:00Z\"}",
                    "{\"id\":5,\"address\":{\"city\":\"Oslo\",\"zip\":[\"0150\",null]},\"price\":-7,\"updated_at\":\"2024-01-04\"}");
            assertThat(chunk.records()).isEqualTo(5);
            assertThat(chunk.blankLines()).isZero();
        });
    }

    @Test
    void decimalsKeepTheirDigits() throws IOException {
        ChunkDraft chunk = readAll(file("[{\"a\":12.50,\"b\":0.000,\"c\":123456789012345678901234567890.10}]"), 1).get(0);

        assertThat(bodyLines(chunk)).containsExactly("{\"a\":12.50,\"b\":0.000,\"c\":123456789012345678901234567890.10}");
    }

    @Test
    void recordsTheInputLineOfEachElement() throws IOException {
        List<ChunkDraft> chunks = readAll(file(MOCKAROO), 2);

        assertThat(chunks).hasSize(3);
        assertThat(chunks.get(0).lines()).containsExactly(1, 2);
        assertThat(chunks.get(1).lines()).containsExactly(3, 4);
        assertThat(chunks.get(2).lines()).containsExactly(5);
        assertThat(chunks).extracting(ChunkDraft::firstLine).containsExactly(1L, 3L, 5L);
        assertThat(chunks).extracting(ChunkDraft::firstRecord).containsExactly(0L, 2L, 4L);
        assertThat(chunks).extracting(ChunkDraft::index).containsExactly(0, 1, 2);
    }

    @Test
    void prettyPrintedElementsStartOnTheLineOfTheirBrace() throws IOException {
        String pretty = "[\n  {\n    \"id\": 1,\n    \"v\": 2\n  },\n\n  {\n    \"id\": 2\n  }\n]\n";

        ChunkDraft chunk = readAll(file(pretty), 10).get(0);

        assertThat(chunk.lines()).containsExactly(2, 7);
        assertThat(bodyLines(chunk)).containsExactly("{\"id\":1,\"v\":2}", "{\"id\":2}");
    }

    @Test
    void aMinifiedOneLineArrayIsCutToo() throws IOException {
        String minified = "[{\"id\":1},{\"id\":2},{\"id\":3},{\"id\":4},{\"id\":5}]";

        List<ChunkDraft> chunks = readAll(file(minified), 2);

        assertThat(chunks).extracting(ChunkDraft::records).containsExactly(2, 2, 1);
        assertThat(chunks).allSatisfy(c -> assertThat(c.lines()).containsOnly(1L));
        assertThat(bodyLines(chunks.get(2))).containsExactly("{\"id\":5}");
    }

    @Test
    void chunkSizeDividingTheCountLeavesNoEmptyChunk() throws IOException {
        List<ChunkDraft> chunks = readAll(file("[{\"id\":1},{\"id\":2},{\"id\":3},{\"id\":4}]"), 2);

        assertThat(chunks).extracting(ChunkDraft::records).containsExactly(2, 2);
    }

    @Test
    void anEmptyArrayHasNoChunk() throws IOException {
        assertThat(readAll(file(" [ ]\n"), 10)).isEmpty();
    }

    @Test
    void aByteOrderMarkIsSkipped() throws IOException {
        List<ChunkDraft> chunks = readAll(file("\uFEFF[{\"id\":1}]"), 10);

        assertThat(bodyLines(chunks.get(0))).containsExactly("{\"id\":1}");
    }

    @Test
    void malformedJsonNamesTheLineAndItsText() throws IOException {
        Path input = file("[\n{\"id\":1},\n{\"id\":2,,\"x\":3},\n{\"id\":4}\n]");

        assertThatThrownBy(() -> readAll(input, 1))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.text()).isEqualTo("{\"id\":2,,\"x\":3},");
                })
                .hasMessageStartingWith("line 3: malformed JSON")
                .hasMessageContaining("{\"id\":2,,\"x\":3},");
    }

    @Test
    void chunksBeforeTheErrorAreStillReturned() throws IOException {
        Path input = file("[\n{\"id\":1},\n{\"id\":2},\n{\"id\":3\n");
        try (ChunkReader reader = ChunkReader.open(input, InputFormat.JSON_ARRAY, 1)) {
            assertThat(reader.next().records()).isEqualTo(1);
            assertThat(reader.next().records()).isEqualTo(1);

            assertThatThrownBy(reader::next).isInstanceOf(InputException.class);
        }
    }

    @Test
    void anObjectInsteadOfAnArrayIsAClearError() throws IOException {
        Path input = file("{\"id\":1}\n{\"id\":2}\n");

        assertThatThrownBy(() -> readAll(input, 10))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("expected a JSON array");
    }

    @Test
    void anEmptyFileIsNotAnArray() throws IOException {
        Path input = file("");

        assertThatThrownBy(() -> readAll(input, 10))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("expected a JSON array");
    }

    @Test
    void anUnclosedArrayIsAnError() throws IOException {
        Path input = file("[\n{\"id\":1},\n{\"id\":2}\n");

        assertThatThrownBy(() -> readAll(input, 10))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("line");
    }

    @Test
    void contentAfterTheArrayIsAnError() throws IOException {
        Path input = file("[{\"id\":1}]\n[{\"id\":2}]\n");

        assertThatThrownBy(() -> readAll(input, 10))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining("after the end of the JSON array");
    }

    @Test
    void aChunkClosesAtTheFirstElementPastTheByteLimit() throws IOException {
        Path input = file("[{\"id\":1},{\"id\":2},{\"id\":3},{\"id\":4,\"long\":\"xxxxxxxxxxxxxxxxxxxx\"},{\"id\":5}]");
        List<ChunkDraft> chunks = new ArrayList<>();
        try (ChunkReader reader = new JsonArrayChunkReader(Files.newInputStream(input), input, 100, 16)) {
            ChunkDraft chunk;
            while ((chunk = reader.next()) != null) {
                chunks.add(chunk);
            }
        }

        assertThat(chunks).extracting(ChunkDraft::records).containsExactly(2, 2, 1);
        assertThat(chunks).extracting(ChunkDraft::firstRecord).containsExactly(0L, 2L, 4L);
    }

    @Test
    void elementsThatAreNotObjectsAreLeftForTheWorkersToReport() throws IOException {
        ChunkDraft chunk = readAll(file("[{\"id\":1}, 42, \"text\", null, [1]]"), 10).get(0);

        assertThat(bodyLines(chunk)).containsExactly("{\"id\":1}", "42", "\"text\"", "null", "[1]");
    }

    @Test
    void countsTheBytesItRead() throws IOException {
        Path input = file(MOCKAROO);
        try (ChunkReader reader = ChunkReader.open(input, InputFormat.JSON_ARRAY, 100)) {
            reader.next();

            assertThat(reader.bytesRead()).isEqualTo(Files.size(input));
        }
    }

    @Test
    void jsonDeeperThanTheLimitNamesItsRealLine() throws IOException {
        Path input = file("[\n{\"id\":1},\n" + "[".repeat(Limits.MAX_JSON_DEPTH + 1) + "\n]\n");

        assertThatThrownBy(() -> readAll(input, 10))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(3))
                .hasMessageContaining("nesting depth");
    }

    @Test
    void aNumberLongerThanTheLimitNamesItsRealLine() throws IOException {
        Path input = file("[\n{\"id\":" + "9".repeat(Limits.MAX_NUMBER_DIGITS + 1) + "}\n]\n");

        assertThatThrownBy(() -> readAll(input, 10))
                .isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).line()).isEqualTo(2));
    }

    @Test
    void spaceInsideStringsAndNumbersAsWrittenAreKept() throws IOException {
        String spaced = "[ { \"name\" : \"a  b \\\" c\" ,\n  \"tab\":\"x\\ty\", \"n\" : 1.0e2 , \"z\": -0 ,\"e\":\"\\u00e9\" } ]";

        ChunkDraft chunk = readAll(file(spaced), 10).get(0);

        assertThat(bodyLines(chunk)).containsExactly(
                "{\"name\":\"a  b \\\" c\",\"tab\":\"x\\ty\",\"n\":1.0e2,\"z\":-0,\"e\":\"\\u00e9\"}");
    }

    @Test
    void aRecordLongerThanTheLimitNamesItsLine() throws IOException {
        String longer = "x".repeat(Limits.MAX_LINE_BYTES + 10);
        Path input = file("[\n{\"id\":1},\n{\"id\":2,\"text\":\"" + longer + "\"}\n]\n");

        assertThatThrownBy(() -> readAll(input, 10))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("record longer than " + Limits.MAX_LINE_BYTES + " bytes");
    }

    @Test
    void aRecordFarLongerThanTheLimitIsNotHeldWhole() throws IOException {
        // More than the limit plus the read-ahead: the reader gives up while reading it, not after
        String huge = "x".repeat(4 * Limits.MAX_LINE_BYTES);
        Path input = file("[\n{\"id\":1},\n{\"id\":2,\"text\":\"" + huge + "\"}\n]\n");

        assertThatThrownBy(() -> readAll(input, 10))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("record longer than " + Limits.MAX_LINE_BYTES + " bytes");
    }

    @Test
    void manySmallElementsAreNeverHeldTogether() throws IOException {
        // Bare values take the re-writing path; more of them than the reader may hold at once
        String values = String.join(",", java.util.Collections.nCopies(600_000, "12345"));
        Path input = file("[" + values + "]");

        List<ChunkDraft> chunks = readAll(input, 100_000);

        assertThat(chunks).extracting(ChunkDraft::records).containsOnly(100_000);
        assertThat(bodyLines(chunks.get(5))).hasSize(100_000).allMatch("12345"::equals);
    }

    @Test
    void aUtf16ArrayLongerThanWhatIsHeldIsReadWhole() throws IOException {
        // UTF-16 has no byte offsets in Jackson's parser: every element is re-written, none held
        String records = String.join(",\n", java.util.Collections.nCopies(60_000, "{\"id\": 1, \"name\": \"Zoë\"}"));
        Path input = Files.writeString(dir.resolve("utf16.json"), "[" + records + "]", StandardCharsets.UTF_16BE);

        List<ChunkDraft> chunks = readAll(input, 20_000);

        assertThat(Files.size(input)).isGreaterThan(2L * Limits.MAX_LINE_BYTES);
        assertThat(chunks).extracting(ChunkDraft::records).containsExactly(20_000, 20_000, 20_000);
        assertThat(bodyLines(chunks.get(2))).allMatch("{\"id\":1,\"name\":\"Zoë\"}"::equals);
    }
}
