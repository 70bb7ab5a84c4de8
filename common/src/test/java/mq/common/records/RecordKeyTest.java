package mq.common.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordKeyTest {

    private static RecordKey number(String value) {
        return RecordKey.ofNumber(new BigDecimal(value));
    }

    @Test
    void numbersAreKeysByValue() {
        assertThat(number("7")).isEqualTo(number("7.0")).isEqualTo(number("7e0")).isEqualTo(number("0.7E1"));
        assertThat(number("7").hashCode()).isEqualTo(number("7.000").hashCode());
    }

    @Test
    void roundNumbersWithTrailingZerosAreOneKey() {
        assertThat(number("70")).isEqualTo(number("7E+1")).isEqualTo(number("70.00"));
    }

    @Test
    void zeroInAnyScaleIsOneKey() {
        assertThat(number("0")).isEqualTo(number("0.000")).isEqualTo(number("-0.0")).isEqualTo(number("0E+3"));
    }

    @Test
    void aStringIsNeverEqualToANumber() {
        assertThat(RecordKey.ofText("7")).isNotEqualTo(number("7"));
    }

    @Test
    void differentNumbersDiffer() {
        assertThat(number("7")).isNotEqualTo(number("7.1"));
    }

    @Test
    void sortsNumbersFirstByValueThenStrings() {
        List<RecordKey> expected = List.of(
                number("-10"), number("-1.5"), number("0"), number("2"), number("10"), number("1E+20"),
                RecordKey.ofText(""), RecordKey.ofText("-1"), RecordKey.ofText("10"), RecordKey.ofText("2"),
                RecordKey.ofText("B"), RecordKey.ofText("a"), RecordKey.ofText("é"));
        List<RecordKey> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(5));

        Collections.sort(shuffled);

        assertThat(shuffled).containsExactlyElementsOf(expected);
    }

    @Test
    void equalKeysCompareAsEqual() {
        assertThat(number("7").compareTo(number("7.00"))).isZero();
        assertThat(RecordKey.ofText("x").compareTo(RecordKey.ofText("x"))).isZero();
    }

    @Test
    void aKeyIsEitherANumberOrAString() {
        assertThatThrownBy(() -> new RecordKey(null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RecordKey(BigDecimal.ONE, "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsNumbersPlainAndStringsQuoted() {
        assertThat(number("1E+3")).hasToString("1000");
        assertThat(RecordKey.ofText("abc")).hasToString("\"abc\"");
    }
}
