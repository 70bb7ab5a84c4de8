package mq.worker.reduce;

import static mq.worker.reduce.Chunks.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import mq.common.exact.NumberStats;
import mq.common.protocol.BadLine;
import mq.common.protocol.JobKind;
import mq.common.protocol.Partial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChunkReducerNumbersTest {

    private final ChunkReducer reducer = new ChunkReducer("worker-1", BusyWork.NONE);

    private Partial reduce(String body) {
        return reduce(1, body);
    }

    private Partial reduce(long firstLine, String body) {
        byte[] bytes = utf8(body);
        return reducer.reduce(Chunks.numbers(2, firstLine, 0, bytes), bytes, 5_000);
    }

    private static NumberStats stats(long count, String sum, String min, String max) {
        return new NumberStats(count, new BigDecimal(sum), new BigDecimal(min), new BigDecimal(max));
    }

    @Test
    void integersGiveExactCountSumMinAndMax() {
        Partial partial = reduce("5\n-3\n+10\n0\n");

        assertThat(partial.numbers().canonical()).isEqualTo(stats(4, "12", "-3", "10"));
        assertThat(partial.records()).isEqualTo(4);
        assertThat(partial.badCount()).isZero();
        assertThat(partial.failed()).isFalse();
    }

    @Test
    void decimalsAndScientificNotationAreExact() {
        Partial partial = reduce("0.1\n0.2\n1e3\n-2.5E-1\n.5\n");

        assertThat(partial.numbers().canonical()).isEqualTo(stats(5, "1000.55", "-0.25", "1000"));
    }

    @Test
    void integersOfNineteenDigitsAndMoreAreExact() {
        Partial partial = reduce("9223372036854775807\n9223372036854775807\n-9223372036854775808\n"
                + "123456789012345678901234567890\n999999999999999999\n");

        assertThat(partial.numbers().canonical()).isEqualTo(stats(5,
                "123456789022569050938089343695", "-9223372036854775808", "123456789012345678901234567890"));
    }

    @Test
    void manyLargeIntegersDoNotOverflow() {
        Partial partial = reduce("999999999999999999\n".repeat(100));

        assertThat(partial.numbers().sum()).isEqualByComparingTo("99999999999999999900");
    }

    @Test
    void whiteSpaceCarriageReturnsAndBlankLinesAreIgnored() {
        Partial partial = reduce("  1\t\r\n\r\n\n \t \n2\r\n   3   \n");

        assertThat(partial.numbers().canonical()).isEqualTo(stats(3, "6", "1", "3"));
        assertThat(partial.records()).isEqualTo(3);
        assertThat(partial.badCount()).isZero();
    }

    @Test
    void aBodyWithoutAFinalNewlineReadsItsLastLine() {
        assertThat(reduce("1\n2").numbers().count()).isEqualTo(2);
    }

    @Test
    void anEmptyBodyHasNoNumbers() {
        Partial partial = reduce("");

        assertThat(partial.numbers()).isEqualTo(NumberStats.EMPTY);
        assertThat(partial.records()).isZero();
    }

    @ParameterizedTest(name = "''{0}'' is not a number")
    @CsvSource(delimiter = '|', value = {"abc", "1,5", "NaN", "Infinity", "12abc", "+", "-", "1 2", "0x1F", "--5"})
    void badLinesAreCountedWithTheirText(String text) {
        Partial partial = reduce("1\n" + text + "\n2\n");

        assertThat(partial.numbers().canonical()).isEqualTo(stats(2, "3", "1", "2"));
        assertThat(partial.badCount()).isEqualTo(1);
        assertThat(partial.badSamples()).containsExactly(new BadLine(2, text, "not a number"));
        assertThat(partial.records()).isEqualTo(3);
    }

    @Test
    void aNumberWithAHugeExponentIsABadLineNotACrash() {
        Partial partial = reduce("1\n1e999999999\n1e-999999999\n2\n");

        assertThat(partial.failed()).isFalse();
        assertThat(partial.numbers().canonical()).isEqualTo(stats(2, "3", "1", "2"));
        assertThat(partial.badSamples()).extracting(BadLine::line).containsExactly(2L, 3L);
    }

    @Test
    void badLineNumbersCountBlankLinesAndStartAtTheChunksFirstLine() {
        Partial partial = reduce(101, "1\n\n\nx\r\n2\n  \ny\n");

        assertThat(partial.badSamples()).extracting(BadLine::line).containsExactly(104L, 107L);
        assertThat(partial.badSamples()).extracting(BadLine::text).containsExactly("x", "y");
    }

    @Test
    void onlyTheFirstFewBadLinesAreQuotedButAllAreCounted() {
        Partial partial = reduce("bad\n".repeat(12) + "7\n");

        assertThat(partial.badCount()).isEqualTo(12);
        assertThat(partial.badSamples()).hasSize(Partial.MAX_BAD_SAMPLES);
        assertThat(partial.numbers().count()).isEqualTo(1);
    }

    @Test
    void describesTheChunkItReduced() {
        byte[] body = utf8("1\n2\n");

        Partial partial = reducer.reduce(Chunks.numbers(2, 1, 0, body), body, 5_000);

        assertThat(partial.job()).isEqualTo(Chunks.JOB);
        assertThat(partial.chunk()).isEqualTo(2);
        assertThat(partial.worker()).isEqualTo("worker-1");
        assertThat(partial.kind()).isEqualTo(JobKind.NUMBERS);
        assertThat(partial.bytes()).isEqualTo(4);
        assertThat(partial.crc32c()).isEqualTo(Chunks.crc32c(body));
        assertThat(partial.producedAt()).isEqualTo(1_000);
        assertThat(partial.pickedUpAt()).isEqualTo(5_000);
        assertThat(partial.latest()).isNull();
    }
}
