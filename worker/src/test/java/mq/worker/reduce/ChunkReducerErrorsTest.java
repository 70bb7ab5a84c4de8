package mq.worker.reduce;

import static mq.worker.reduce.Chunks.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import mq.common.protocol.BadLine;
import mq.common.protocol.ChunkHeaders;
import mq.common.protocol.Limits;
import mq.common.protocol.Partial;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A chunk that cannot be processed at all yields a failed partial; the reducer never throws. */
class ChunkReducerErrorsTest {

    private final ChunkReducer reducer = new ChunkReducer("worker-1", BusyWork.NONE);

    @Test
    void aBodyThatDoesNotMatchItsChecksumIsCorrupt() {
        byte[] sent = utf8("1\n2\n3\n");
        Headers headers = Chunks.numbers(4, 1, 0, sent);
        byte[] received = utf8("1\n2\n4\n");

        Partial partial = reducer.reduce(headers, received, 0);

        assertThat(partial.failed()).isTrue();
        assertThat(partial.error()).contains("chunk 4 is corrupt").contains("CRC-32C");
        assertThat(partial.chunk()).isEqualTo(4);
        assertThat(partial.numbers()).isNull();
    }

    @Test
    void aMissingBodyOfANonEmptyChunkIsCorrupt() {
        Headers headers = Chunks.numbers(0, 1, 0, utf8("1\n"));

        Partial partial = reducer.reduce(headers, null, 0);

        assertThat(partial.failed()).isTrue();
        assertThat(partial.error()).contains("corrupt");
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {ChunkHeaders.CHUNK, ChunkHeaders.KIND, ChunkHeaders.CRC32C,
            ChunkHeaders.FIRST_LINE, ChunkHeaders.KEY_FIELD, ChunkHeaders.TIMESTAMP_FIELD})
    void aMissingHeaderGivesAFailedPartialNamingIt(String header) {
        byte[] body = utf8("{\"id\":1,\"updated_at\":\"2024-01-01\"}\n");
        Headers headers = Chunks.records(3, 1, 0, body, null);
        headers.remove(header);

        Partial partial = reducer.reduce(headers, body, 0);

        assertThat(partial.failed()).isTrue();
        assertThat(partial.error()).startsWith("unreadable chunk message").contains(header);
        assertThat(partial.worker()).isEqualTo("worker-1");
    }

    @Test
    void aFailedPartialStillNamesItsJobAndChunkWhenItCan() {
        byte[] body = utf8("1\n");
        Headers headers = Chunks.numbers(7, 1, 0, body);
        headers.remove(ChunkHeaders.CRC32C);

        Partial partial = reducer.reduce(headers, body, 0);

        assertThat(partial.job()).isEqualTo(Chunks.JOB);
        assertThat(partial.chunk()).isEqualTo(7);
    }

    @Test
    void noHeadersAtAllGiveNoPartialOnlyADeadLetter() {
        Headers headers = new RecordHeaders();

        assertThat(reducer.reduce(headers, utf8("1\n"), 0)).isNull();
        assertThat(ChunkReducer.check(headers)).contains(ChunkHeaders.JOB);
    }

    @Test
    void aJobIdThatWouldLeaveTheReportsFolderGivesNoPartial() {
        byte[] body = utf8("1\n");
        Headers headers = Chunks.numbers(0, 1, 0, body);
        headers.remove(ChunkHeaders.JOB);
        headers.add(ChunkHeaders.JOB, utf8("../../x"));

        assertThat(reducer.reduce(headers, body, 0)).isNull();
        assertThat(ChunkReducer.check(headers)).contains("job id '../../x'");
    }

    @Test
    void aRecordCountOtherThanTheHeaderFailsTheChunk() {
        byte[] body = utf8("1\n2\n");
        Headers headers = Chunks.numbers(0, 1, 0, body);
        headers.remove(ChunkHeaders.RECORDS);
        headers.add(ChunkHeaders.RECORDS, utf8("3"));

        Partial partial = reducer.reduce(headers, body, 0);

        assertThat(partial.error()).contains("holds 2 records").contains(ChunkHeaders.RECORDS + " says 3");
    }

    @Test
    void aNumberBeyondTheDigitLimitIsABadLineSayingSoNotAHang() {
        byte[] body = utf8("7".repeat(3_000_000) + "\n1e999999\n");
        Headers headers = Chunks.numbers(0, 1, 0, body);

        Partial partial = reducer.reduce(headers, body, 0);

        assertThat(partial.badSamples()).extracting(BadLine::error)
                .containsExactly("too long: more than 1000 digits", "out of range: exponent beyond 10000 either way");
    }

    @Test
    void anUnknownKindGivesAFailedPartial() {
        byte[] body = utf8("1\n");
        Headers headers = Chunks.numbers(0, 1, 0, body);
        headers.remove(ChunkHeaders.KIND);
        headers.add(ChunkHeaders.KIND, "pictures".getBytes(StandardCharsets.UTF_8));

        Partial partial = reducer.reduce(headers, body, 0);

        assertThat(partial.failed()).isTrue();
        assertThat(partial.error()).contains("pictures");
    }

    @Test
    void aBadLineListGivesAFailedPartial() {
        byte[] body = utf8("{}\n");
        Headers headers = Chunks.records(0, 1, 0, body, null);
        headers.add(ChunkHeaders.LINES, "1,x".getBytes(StandardCharsets.UTF_8));

        assertThatCode(() -> reducer.reduce(headers, body, 0)).doesNotThrowAnyException();
        assertThat(reducer.reduce(headers, body, 0).failed()).isTrue();
    }

    @Test
    void aRecordDeeperThanTheLimitIsABadLineSayingSo() {
        String deep = "{\"id\":1,\"updated_at\":\"2024-01-01\",\"x\":" + "[".repeat(Limits.MAX_JSON_DEPTH) + "]".repeat(Limits.MAX_JSON_DEPTH) + "}";
        byte[] body = utf8(deep + "\n");

        Partial partial = reducer.reduce(Chunks.records(0, 1, 0, body, null), body, 0);

        assertThat(partial.badSamples()).singleElement()
                .satisfies(bad -> assertThat(bad.error()).startsWith("malformed JSON").contains("nesting depth"));
    }
}
