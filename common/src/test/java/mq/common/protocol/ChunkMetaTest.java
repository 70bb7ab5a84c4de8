package mq.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChunkMetaTest {

    private static final RecordSpec SPEC = new RecordSpec("id", "updated_at", List.of("price", "qty"));

    private static ChunkMeta records(long[] lines) {
        return new ChunkMeta("job-1", 4, JobKind.RECORDS, "data.json", 17, 400, 3, 4_294_967_295L,
                1_700_000_000_123L, SPEC, lines);
    }

    private static ChunkMeta numbers() {
        return new ChunkMeta("job-2", 0, JobKind.NUMBERS, "numbers.txt", 1, 0, 100, 12345, 99, null, null);
    }

    @Test
    void recordsChunkRoundTripsWithLines() {
        ChunkMeta meta = records(new long[] {17, 19, 24});

        ChunkMeta decoded = ChunkMeta.fromHeaders(meta.toHeaders());

        assertThat(decoded).usingRecursiveComparison().isEqualTo(meta);
        assertThat(decoded.lines()).containsExactly(17, 19, 24);
    }

    @Test
    void recordsChunkRoundTripsWithoutLines() {
        ChunkMeta meta = records(null);

        ChunkMeta decoded = ChunkMeta.fromHeaders(meta.toHeaders());

        assertThat(decoded).usingRecursiveComparison().isEqualTo(meta);
        assertThat(decoded.lines()).isNull();
    }

    @Test
    void numbersChunkRoundTripsWithoutASpec() {
        ChunkMeta meta = numbers();

        assertThat(ChunkMeta.fromHeaders(meta.toHeaders())).usingRecursiveComparison().isEqualTo(meta);
    }

    @Test
    void recordSpecWithoutSumFieldsRoundTrips() {
        ChunkMeta meta = new ChunkMeta("j", 0, JobKind.RECORDS, "r.jsonl", 1, 0, 1, 1, 1,
                new RecordSpec("key", "ts", List.of()), null);

        assertThat(ChunkMeta.fromHeaders(meta.toHeaders()).recordSpec()).isEqualTo(meta.recordSpec());
    }

    @Test
    void headerValuesAreUtf8Text() {
        Headers headers = records(null).toHeaders();

        assertThat(new String(headers.lastHeader(ChunkHeaders.KIND).value(), StandardCharsets.UTF_8)).isEqualTo("records");
        assertThat(new String(headers.lastHeader(ChunkHeaders.SUM_FIELDS).value(), StandardCharsets.UTF_8)).isEqualTo("price,qty");
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {ChunkHeaders.JOB, ChunkHeaders.CHUNK, ChunkHeaders.KIND, ChunkHeaders.FIRST_LINE,
            ChunkHeaders.FIRST_RECORD, ChunkHeaders.RECORDS, ChunkHeaders.CRC32C,
            ChunkHeaders.KEY_FIELD, ChunkHeaders.TIMESTAMP_FIELD})
    void aMissingHeaderIsNamed(String header) {
        Headers headers = records(null).toHeaders();
        headers.remove(header);

        assertThatThrownBy(() -> ChunkMeta.fromHeaders(headers))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining(header);
    }

    @Test
    void aNumericHeaderThatIsNotANumberIsNamed() {
        Headers headers = numbers().toHeaders();
        headers.remove(ChunkHeaders.FIRST_LINE);
        headers.add(ChunkHeaders.FIRST_LINE, "seven".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ChunkMeta.fromHeaders(headers))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining(ChunkHeaders.FIRST_LINE)
                .hasMessageContaining("seven");
    }

    @Test
    void optionalHeadersMayBeMissing() {
        Headers headers = numbers().toHeaders();
        headers.remove(ChunkHeaders.SOURCE);
        headers.remove(ChunkHeaders.PRODUCED_AT);
        headers.remove(ChunkHeaders.PROTOCOL);
        headers.remove(ChunkHeaders.OWNER);

        ChunkMeta decoded = ChunkMeta.fromHeaders(headers);

        assertThat(decoded.source()).isNull();
        assertThat(decoded.producedAt()).isZero();
        assertThat(decoded.owner()).isNull();
    }

    @Test
    void crc32cIsCastagnoliWithTheStandardTestVector() {
        assertThat(ChunkMeta.crc32c("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xE3069283L);
    }

    @Test
    void everyChunkSaysItsProtocolVersion() {
        assertThat(ChunkMeta.header(numbers().toHeaders(), ChunkHeaders.PROTOCOL))
                .isEqualTo(Integer.toString(ProtocolVersion.CURRENT));
    }

    @Test
    void aNewerProtocolVersionIsRefusedByName() {
        Headers headers = numbers().toHeaders();
        headers.remove(ChunkHeaders.PROTOCOL);
        headers.add(ChunkHeaders.PROTOCOL, "9".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ChunkMeta.fromHeaders(headers))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("protocol version 9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../../x", "a/b", ".hidden", "x\u001b[2J"})
    void aJobIdOutsideTheGrammarIsRefused(String id) {
        Headers headers = numbers().toHeaders();
        headers.remove(ChunkHeaders.JOB);
        headers.add(ChunkHeaders.JOB, id.getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ChunkMeta.fromHeaders(headers))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("job id")
                .hasMessageNotContaining("\u001b[");
    }

    @Test
    void aNegativeChunkNumberIsRefused() {
        Headers headers = numbers().toHeaders();
        headers.remove(ChunkHeaders.CHUNK);
        headers.add(ChunkHeaders.CHUNK, "-5".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> ChunkMeta.fromHeaders(headers))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining(ChunkHeaders.CHUNK);
    }

    @Test
    void inputLineCountsFromTheFirstLineWithoutALineList() {
        ChunkMeta meta = numbers();

        assertThat(meta.inputLine(0)).isEqualTo(1);
        assertThat(meta.inputLine(9)).isEqualTo(10);
    }

    @Test
    void inputLineComesFromTheLineListWhenThereIsOne() {
        ChunkMeta meta = records(new long[] {17, 19, 24});

        assertThat(meta.inputLine(2)).isEqualTo(24);
    }
}
