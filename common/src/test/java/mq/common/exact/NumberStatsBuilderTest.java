package mq.common.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class NumberStatsBuilderTest {

    @Test
    void nothingAddedBuildsEmpty() {
        assertThat(new NumberStatsBuilder().build()).isEqualTo(NumberStats.EMPTY);
    }

    @Test
    void longsOnly() {
        NumberStatsBuilder builder = new NumberStatsBuilder();

        builder.add(5);
        builder.add(-3);
        builder.add(10);

        assertThat(builder.build().canonical())
                .isEqualTo(new NumberStats(3, new BigDecimal("12"), new BigDecimal("-3"), new BigDecimal("10")));
    }

    @Test
    void decimalsOnly() {
        NumberStatsBuilder builder = new NumberStatsBuilder();

        builder.add(new BigDecimal("0.10"));
        builder.add(new BigDecimal("-1.5"));

        assertThat(builder.build().canonical())
                .isEqualTo(new NumberStats(2, new BigDecimal("-1.4"), new BigDecimal("-1.5"), new BigDecimal("0.1")));
    }

    @Test
    void extremesComeFromLongsAndDecimalsTogether() {
        NumberStatsBuilder builder = new NumberStatsBuilder();

        builder.add(7);
        builder.add(new BigDecimal("7.5"));
        builder.add(new BigDecimal("-0.5"));
        builder.add(3);

        NumberStats stats = builder.build();
        assertThat(stats.min()).isEqualByComparingTo("-0.5");
        assertThat(stats.max()).isEqualByComparingTo("7.5");
    }

    @Test
    void sumOfLargeLongsIsExact() {
        NumberStatsBuilder builder = new NumberStatsBuilder();

        builder.add(Long.MAX_VALUE);
        builder.add(Long.MAX_VALUE);
        builder.add(new BigDecimal("0.5"));

        NumberStats stats = builder.build();
        assertThat(stats.sum()).isEqualByComparingTo(BigDecimal.valueOf(Long.MAX_VALUE).multiply(BigDecimal.valueOf(2)).add(new BigDecimal("0.5")));
        assertThat(stats.max()).isEqualByComparingTo(BigDecimal.valueOf(Long.MAX_VALUE));
    }

    @Test
    void extremeLongsAreTheirOwnMinAndMax() {
        NumberStatsBuilder builder = new NumberStatsBuilder();

        builder.add(Long.MIN_VALUE);
        builder.add(Long.MAX_VALUE);

        NumberStats stats = builder.build();
        assertThat(stats.min()).isEqualByComparingTo(BigDecimal.valueOf(Long.MIN_VALUE));
        assertThat(stats.max()).isEqualByComparingTo(BigDecimal.valueOf(Long.MAX_VALUE));
    }

    @Test
    void countsEveryAddition() {
        NumberStatsBuilder builder = new NumberStatsBuilder();

        builder.add(1);
        builder.add(new BigDecimal("2"));
        builder.add(1);

        assertThat(builder.count()).isEqualTo(3);
        assertThat(builder.build().count()).isEqualTo(3);
    }
}
