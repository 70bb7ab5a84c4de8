package mq.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import mq.common.exact.DecimalText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limits a process can set: checked against their ranges, and applied to every parse from then on. */
class LimitsTest {

    @AfterEach
    void defaultLimitsAgain() {
        Limits.use(Limits.DEFAULTS);
    }

    @Test
    void theDefaultsAreTheDocumentedLimits() {
        assertThat(Limits.current()).isEqualTo(Limits.DEFAULTS);
        assertThat(Limits.DEFAULTS.maxDecimalText()).isEqualTo(Limits.MAX_DECIMAL_TEXT);
    }

    @Test
    void aLimitOutOfItsRangeIsRefusedNamingItsOption() {
        assertThatThrownBy(() -> new Limits(100, 1000, 10_000, 64, Limits.MAX_PARTIAL_BYTES))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--max-line-bytes must be between 1,024 and 8,388,608, was 100");
        assertThatThrownBy(() -> new Limits(Limits.MAX_LINE_BYTES, 0, 10_000, 64, Limits.MAX_PARTIAL_BYTES))
                .hasMessageStartingWith("--max-number-digits must be between 1 and");
        assertThatThrownBy(() -> new Limits(Limits.MAX_LINE_BYTES, 1000, -1, 64, Limits.MAX_PARTIAL_BYTES))
                .hasMessageStartingWith("--max-exponent must be between 0 and");
        assertThatThrownBy(() -> new Limits(Limits.MAX_LINE_BYTES, 1000, 10_000, 5000, Limits.MAX_PARTIAL_BYTES))
                .hasMessageStartingWith("--max-json-depth must be between 1 and 1,000");
        assertThatThrownBy(() -> new Limits(Limits.MAX_LINE_BYTES, 1000, 10_000, 64, Limits.MAX_MESSAGE_BYTES))
                .hasMessageStartingWith("--max-partial-bytes must be between 65,536 and 16,711,680");
    }

    @Test
    void numberLimitsApplyToEveryDecimalParsedAfterwards() {
        Limits.use(new Limits(Limits.MAX_LINE_BYTES, 4, 2, 64, Limits.MAX_PARTIAL_BYTES));

        assertThat(DecimalText.parse("1234")).isEqualByComparingTo("1234");
        assertThatThrownBy(() -> DecimalText.parse("12345")).hasMessage("too long: more than 4 digits");
        assertThatThrownBy(() -> DecimalText.parse("1e3")).hasMessage("out of range: exponent beyond 2 either way");
    }

    @Test
    void aMessageNestedPastTheDepthLimitIsRefused() {
        Limits.use(new Limits(Limits.MAX_LINE_BYTES, 1000, 10_000, 2, Limits.MAX_PARTIAL_BYTES));
        byte[] deep = "{\"type\":\"started\",\"job\":\"j\",\"kind\":\"numbers\",\"x\":[[[[[[[[[[[1]]]]]]]]]]]}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> MessageRules.jobEvent(deep)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("nesting depth");
    }
}
