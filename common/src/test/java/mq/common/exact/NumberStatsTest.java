package mq.common.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumberStatsTest {

    private static final NumberStats A = stats(3, "10.5", "-2", "9");
    private static final NumberStats B = stats(2, "100", "40", "60");
    private static final NumberStats C = stats(4, "-7.25", "-20", "12.5");

    private static NumberStats stats(long count, String sum, String min, String max) {
        return new NumberStats(count, new BigDecimal(sum), new BigDecimal(min), new BigDecimal(max));
    }

    @Test
    void mergeAddsCountsAndSumsAndKeepsTheExtremes() {
        NumberStats merged = A.merge(B);

        assertThat(merged.canonical()).isEqualTo(stats(5, "110.5", "-2", "60"));
    }

    @Test
    void mergeIsCommutative() {
        assertThat(A.merge(B).canonical()).isEqualTo(B.merge(A).canonical());
    }

    @Test
    void mergeIsAssociative() {
        assertThat(A.merge(B).merge(C).canonical()).isEqualTo(A.merge(B.merge(C)).canonical());
    }

    @Test
    void emptyIsTheIdentityOnBothSides() {
        assertThat(NumberStats.EMPTY.merge(A)).isEqualTo(A);
        assertThat(A.merge(NumberStats.EMPTY)).isEqualTo(A);
    }

    @Test
    void emptyMergedWithEmptyHasNoExtremes() {
        NumberStats merged = NumberStats.EMPTY.merge(NumberStats.EMPTY);

        assertThat(merged.count()).isZero();
        assertThat(merged.min()).isNull();
        assertThat(merged.max()).isNull();
    }

    @Test
    void canonicalMakesEqualValuesEqual() {
        NumberStats written = stats(1, "2.50", "2.50", "2.50");
        NumberStats plain = stats(1, "2.5", "2.5", "2.5");

        assertThat(written).isNotEqualTo(plain);
        assertThat(written.canonical()).isEqualTo(plain.canonical());
    }

    @Test
    void canonicalKeepsMissingExtremes() {
        assertThat(NumberStats.EMPTY.canonical()).isEqualTo(NumberStats.EMPTY);
    }
}
