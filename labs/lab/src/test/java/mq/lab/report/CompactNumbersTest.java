package mq.lab.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CompactNumbersTest {
    @Test
    void thousandsAndMillionsGetASuffixInsteadOfAnExponent() {
        assertThat(CompactNumbers.format(240_000)).isEqualTo("240k");
        assertThat(CompactNumbers.format(2_400_000)).isEqualTo("2.4M");
        assertThat(CompactNumbers.format(1_500)).isEqualTo("1.5k");
        assertThat(CompactNumbers.format(3_000_000_000.0)).isEqualTo("3G");
    }

    @Test
    void smallNumbersStayAsTheyAre() {
        assertThat(CompactNumbers.format(0)).isEqualTo("0");
        assertThat(CompactNumbers.format(12.5)).isEqualTo("12.5");
        assertThat(CompactNumbers.format(0.25)).isEqualTo("0.25");
        assertThat(CompactNumbers.format(999)).isEqualTo("999");
    }

    @Test
    void roundsToThreeSignificantDigitsAndCarriesIntoTheNextSuffix() {
        assertThat(CompactNumbers.format(1_234_567)).isEqualTo("1.23M");
        assertThat(CompactNumbers.format(999_700)).isEqualTo("1M");
        assertThat(CompactNumbers.format(-52_000)).isEqualTo("-52k");
    }
}
