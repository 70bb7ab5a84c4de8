package mq.producer.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mq.common.protocol.JobKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputFormatTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @TempDir
    Path dir;

    private Path file(byte[] content) throws IOException {
        return Files.write(dir.resolve("input"), content);
    }

    private Path file(String content) throws IOException {
        return file(content.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "[{\"id\":1}]              | JSON_ARRAY",
            "{\"id\":1}                | JSON_LINES",
            "42                        | NUMBERS",
            "-1.5                      | NUMBERS",
            "abc                       | NUMBERS"})
    void detectsByTheFirstCharacter(String content, InputFormat expected) throws IOException {
        assertThat(InputFormat.detect(file(content))).isEqualTo(expected);
    }

    @Test
    void skipsLeadingWhiteSpaceAndBlankLines() throws IOException {
        assertThat(InputFormat.detect(file(" \t\r\n\n  [\n{\"id\":1}\n]"))).isEqualTo(InputFormat.JSON_ARRAY);
    }

    @Test
    void skipsAByteOrderMark() throws IOException {
        byte[] json = "{\"id\":1}\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[BOM.length + json.length];
        System.arraycopy(BOM, 0, content, 0, BOM.length);
        System.arraycopy(json, 0, content, BOM.length, json.length);

        assertThat(InputFormat.detect(file(content))).isEqualTo(InputFormat.JSON_LINES);
    }

    @Test
    void whiteSpaceBeyondTheFirstBufferIsSkipped() throws IOException {
        assertThat(InputFormat.detect(file(" ".repeat(20_000) + "["))).isEqualTo(InputFormat.JSON_ARRAY);
    }

    @Test
    void anEmptyFileIsNumbers() throws IOException {
        assertThat(InputFormat.detect(file(new byte[0]))).isEqualTo(InputFormat.NUMBERS);
    }

    @Test
    void autoOptionDetects() throws IOException {
        Path input = file("[]");

        assertThat(InputFormat.fromOption("auto", input)).isEqualTo(InputFormat.JSON_ARRAY);
        assertThat(InputFormat.fromOption(null, input)).isEqualTo(InputFormat.JSON_ARRAY);
    }

    @Test
    void explicitOptionWinsOverTheContent() throws IOException {
        assertThat(InputFormat.fromOption("jsonl", file("[]"))).isEqualTo(InputFormat.JSON_LINES);
    }

    @Test
    void unknownOptionListsTheKnownOnes() {
        assertThatThrownBy(() -> InputFormat.fromOption("xml", dir.resolve("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xml")
                .hasMessageContaining("numbers, json, jsonl or csv");
    }

    @Test
    void eachFormatNamesItsJobKind() {
        assertThat(InputFormat.NUMBERS.kind()).isEqualTo(JobKind.NUMBERS);
        assertThat(InputFormat.JSON_ARRAY.kind()).isEqualTo(JobKind.RECORDS);
        assertThat(InputFormat.JSON_LINES.kind()).isEqualTo(JobKind.RECORDS);
    }
}
