package mq.common.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalTextTest {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "42            | 42",
            "-7            | -7",
            "+7            | 7",
            "0.10          | 0.1",
            "-0.5          | -0.5",
            ".5            | 0.5",
            "1e3           | 1000",
            "1E+3          | 1000",
            "-2.5e-3       | -0.0025",
            "\"  12  \"    | 12",
            "\"\t3.25\t\"  | 3.25",
            "123456789012345678901234567890 | 123456789012345678901234567890"})
    void parsesPlainScientificSignedAndPaddedNumbers(String text, String expected) {
        assertThat(DecimalText.parse(text)).isEqualByComparingTo(expected);
    }

    @Test
    void parseKeepsTheDigitsAsWritten() {
        assertThat(DecimalText.parse("12.50").scale()).isEqualTo(2);
    }

    @ParameterizedTest(name = "rejects ''{0}''")
    @ValueSource(strings = {"abc", "", "   ", "NaN", "Infinity", "-Infinity", "1,5", "0x10", "1e", "--1", "1 2"})
    void rejectsTextThatIsNotADecimal(String text) {
        assertThatThrownBy(() -> DecimalText.parse(text)).isInstanceOf(NumberFormatException.class);
    }

    @ParameterizedTest(name = "rejects ''{0}''")
    @ValueSource(strings = {"1e999999999", "-1e999999999", "1e-999999999", "1e10001", "1e-10001"})
    void rejectsExponentsTooLargeToPrintOrAdd(String text) {
        assertThatThrownBy(() -> DecimalText.parse(text))
                .isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("out of range");
    }

    @Test
    void acceptsExponentsUpToTheLimit() {
        assertThat(DecimalText.format(DecimalText.parse("1e10000"))).hasSize(10_001);
        assertThat(DecimalText.parse("1e-10000").scale()).isEqualTo(10_000);
    }

    @Test
    void checkInRangeKeepsTheValue() {
        BigDecimal value = new BigDecimal("12.50");

        assertThat(DecimalText.checkInRange(value)).isSameAs(value);
    }

    @ParameterizedTest(name = "{0} prints as {1}")
    @CsvSource({
            "0.00,    0",
            "0E-10,   0",
            "0E+5,    0",
            "-0.0,    0",
            "12.50,   12.5",
            "100,     100",
            "1E+3,    1000",
            "1.0E+2,  100",
            "1E-7,    0.0000001",
            "-2.500,  -2.5",
            "123456789012345678901234567890.000, 123456789012345678901234567890"})
    void formatsCanonicallyWithoutTrailingZerosOrExponent(String value, String expected) {
        assertThat(DecimalText.format(new BigDecimal(value))).isEqualTo(expected);
    }

    @Test
    void equalValuesFormatIdentically() {
        assertThat(DecimalText.format(new BigDecimal("7.000"))).isEqualTo(DecimalText.format(new BigDecimal("7")));
    }

    @Test
    void formattedTextParsesBackToTheSameValue() {
        BigDecimal value = new BigDecimal("-98765.4321000E+3");

        assertThat(DecimalText.parse(DecimalText.format(value))).isEqualByComparingTo(value);
    }

    @Test
    void parseNullableKeepsNull() {
        assertThat(DecimalText.parseNullable(null)).isNull();
        assertThat(DecimalText.parseNullable("1.5")).isEqualByComparingTo("1.5");
    }
}
