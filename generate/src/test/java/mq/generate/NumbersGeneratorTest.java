package mq.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NumbersGeneratorTest {

    @TempDir
    Path dir;

    @Test
    void sameSeedWritesTheSameFile() throws IOException {
        // Given two files written with the same spec
        NumbersSpec spec = NumbersSpec.withDecimals(5_000, 7);
        Path first = dir.resolve("first.txt");
        Path second = dir.resolve("second.txt");

        // When
        NumbersGenerator.write(first, spec);
        NumbersGenerator.write(second, spec);

        // Then
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));
    }

    @Test
    void anotherSeedWritesAnotherFile() throws IOException {
        Path first = dir.resolve("first.txt");
        Path second = dir.resolve("second.txt");

        NumbersGenerator.write(first, 1_000, 1);
        NumbersGenerator.write(second, 1_000, 2);

        assertThat(Files.readAllBytes(first)).isNotEqualTo(Files.readAllBytes(second));
    }

    @Test
    void writesOneIntegerPerLineWithinTheRange() throws IOException {
        Path out = dir.resolve("numbers.txt");

        GeneratedFile written = NumbersGenerator.write(out, new NumbersSpec(2_000, 3, false, -5, 5));

        String text = Files.readString(out);
        List<String> lines = text.lines().toList();
        assertThat(text).endsWith("\n").doesNotContain("\r");
        assertThat(lines).hasSize(2_000);
        assertThat(lines).allSatisfy(line -> assertThat(Long.parseLong(line)).isBetween(-5L, 5L));
        assertThat(lines).contains("-5", "5");
        assertThat(written.items()).isEqualTo(2_000);
        assertThat(written.bytes()).isEqualTo(Files.size(out));
    }

    @Test
    void decimalsMixIntegersPlainDecimalsAndScientificNotation() throws IOException {
        Path out = dir.resolve("numbers.txt");

        NumbersGenerator.write(out, new NumbersSpec(2_000, 3, true, -1_000, 1_000));

        List<String> lines = Files.readAllLines(out);
        assertThat(lines).anyMatch(line -> line.matches("-?\\d+"));
        assertThat(lines).anyMatch(line -> line.matches("-?\\d+\\.\\d{1,4}"));
        assertThat(lines).anyMatch(line -> line.matches("-?\\d(\\.\\d+)?E[+-]\\d+"));
        assertThat(lines).allSatisfy(line -> assertThat(new BigDecimal(line))
                .isBetween(BigDecimal.valueOf(-1_000), BigDecimal.valueOf(1_000)));
    }

    @Test
    void returnsTheExactSumOfWhatItWrote() throws IOException {
        Path out = dir.resolve("numbers.txt");
        NumbersSpec spec = NumbersSpec.withDecimals(10_000, 11);

        GeneratedFile written = NumbersGenerator.write(out, spec);

        BigDecimal sumOfFile = Files.readAllLines(out).stream().map(BigDecimal::new)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(written.sum()).isEqualByComparingTo(sumOfFile);
        assertThat(NumbersGenerator.sum(spec)).isEqualByComparingTo(sumOfFile);
    }

    @Test
    void sumIsExactWhereALongWouldOverflow() throws IOException {
        Path out = dir.resolve("numbers.txt");

        GeneratedFile written = NumbersGenerator.write(out,
                new NumbersSpec(3, 1, false, Long.MAX_VALUE, Long.MAX_VALUE));

        assertThat(written.sum()).isEqualTo(BigDecimal.valueOf(Long.MAX_VALUE).multiply(BigDecimal.valueOf(3)));
    }

    @Test
    void createsParentDirectories() throws IOException {
        Path out = dir.resolve("a/b/numbers.txt");

        NumbersGenerator.write(out, 10, 42);

        assertThat(Files.readAllLines(out)).hasSize(10);
    }

    @Test
    void scientificNotationKeepsTheExactValue() {
        assertThat(NumbersGenerator.scientific(new BigDecimal("1250"))).isEqualTo("1.25E+3");
        assertThat(NumbersGenerator.scientific(new BigDecimal("-0.0310"))).isEqualTo("-3.1E-2");
        assertThat(NumbersGenerator.scientific(new BigDecimal("7"))).isEqualTo("7E+0");
        assertThat(NumbersGenerator.scientific(BigDecimal.ZERO)).isEqualTo("0E+0");
        assertThat(new BigDecimal(NumbersGenerator.scientific(new BigDecimal("-123.4567"))))
                .isEqualByComparingTo("-123.4567");
    }

    @Test
    void rejectsANonPositiveCountAndAnEmptyRange() {
        assertThatThrownBy(() -> NumbersSpec.integers(0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--count");
        assertThatThrownBy(() -> new NumbersSpec(1, 1, false, 5, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--min");
    }
}
