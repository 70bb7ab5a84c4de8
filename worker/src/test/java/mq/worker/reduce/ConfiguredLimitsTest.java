package mq.worker.reduce;

import static mq.worker.reduce.Chunks.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import mq.common.protocol.BadLine;
import mq.common.protocol.Limits;
import mq.common.protocol.Partial;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Limits set for the process (a worker's {@code --max-number-digits}, {@code --max-exponent},
 * {@code --max-json-depth}) are the ones its reducer enforces, each bad line naming the limit.
 */
class ConfiguredLimitsTest {
    private final ChunkReducer reducer = new ChunkReducer("worker-1", BusyWork.NONE);

    @AfterEach
    void defaultLimitsAgain() {
        Limits.use(Limits.DEFAULTS);
    }

    private static Limits with(int digits, int exponent, int depth) {
        return new Limits(Limits.MAX_LINE_BYTES, digits, exponent, depth, Limits.MAX_PARTIAL_BYTES);
    }

    private Partial numbers(String body) {
        byte[] bytes = utf8(body);
        return reducer.reduce(Chunks.numbers(0, 1, 0, bytes), bytes, 0);
    }

    @Test
    void aNumberWithMoreDigitsThanTheConfiguredLimitIsABadLine() {
        Limits.use(with(5, Limits.MAX_EXPONENT, Limits.MAX_JSON_DEPTH));

        Partial partial = numbers("12345\n123456\n");

        assertThat(partial.numbers().count()).isEqualTo(1);
        assertThat(partial.badSamples()).singleElement().extracting(BadLine::line, BadLine::error)
                .containsExactly(2L, "too long: more than 5 digits");
    }

    @Test
    void aNumberWithAnExponentPastTheConfiguredLimitIsOutOfRange() {
        Limits.use(with(Limits.MAX_NUMBER_DIGITS, 3, Limits.MAX_JSON_DEPTH));

        Partial partial = numbers("1e3\n1e4\n");

        assertThat(partial.numbers().count()).isEqualTo(1);
        assertThat(partial.badSamples()).singleElement().extracting(BadLine::line, BadLine::error)
                .containsExactly(2L, "out of range: exponent beyond 3 either way");
    }

    @Test
    void aRecordDeeperThanTheConfiguredLimitIsABadLine() {
        Limits.use(with(Limits.MAX_NUMBER_DIGITS, Limits.MAX_EXPONENT, 3));
        byte[] body = utf8("{\"id\":1,\"updated_at\":\"2024-01-01\",\"x\":[1]}\n"
                + "{\"id\":2,\"updated_at\":\"2024-01-01\",\"x\":[[[1]]]}\n");

        Partial partial = reducer.reduce(Chunks.records(0, 1, 0, body, null), body, 0);

        assertThat(partial.latest()).hasSize(1);
        assertThat(partial.badSamples()).singleElement().satisfies(bad -> {
            assertThat(bad.line()).isEqualTo(2);
            assertThat(bad.error()).startsWith("malformed JSON").contains("nesting depth").contains("3");
        });
    }
}
