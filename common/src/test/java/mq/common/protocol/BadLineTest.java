package mq.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BadLineTest {

    @Test
    void longTextIsShortenedToTheLimit() {
        BadLine line = new BadLine(3, "x".repeat(BadLine.MAX_TEXT + 50), "not a number");

        assertThat(line.text()).hasSize(BadLine.MAX_TEXT + 1).startsWith("xxx").endsWith("…");
    }

    @Test
    void textAtTheLimitIsKept() {
        String text = "y".repeat(BadLine.MAX_TEXT);

        assertThat(new BadLine(3, text, "e").text()).isEqualTo(text);
    }

    @Test
    void describesSourceLineErrorAndText() {
        BadLine line = new BadLine(42, "12abc", "not a number");

        assertThat(line.describe("numbers.txt")).isEqualTo("numbers.txt, line 42: not a number: 12abc");
    }
}
