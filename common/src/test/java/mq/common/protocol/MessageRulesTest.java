package mq.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MessageRulesTest {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "job event {0}")
    @CsvSource(delimiter = '|', value = {
            "null|JSON null",
            "{}|cannot decode",
            "[]|cannot decode",
            "{\"type\":\"started\"}|no job id",
            "{\"type\":\"started\",\"job\":\"j\"}|started has no kind",
            "{\"type\":\"started\",\"job\":\"j\",\"kind\":\"records\"}|no record_spec",
            "{\"type\":\"started\",\"job\":\"j\",\"kind\":\"numbers\",\"format\":\"xml\"}|started.format",
            "{\"type\":\"started\",\"job\":\"j\",\"kind\":\"numbers\",\"output_dir\":\"../x\"}|output_dir",
            "{\"type\":\"started\",\"job\":\"../../x\",\"kind\":\"numbers\"}|job id '../../x'",
            "{\"type\":\"ended\",\"job\":\"j\",\"chunks\":-5}|ended.chunks is -5",
            "{\"type\":\"ended\",\"job\":\"j\",\"chunks\":1,\"protocol\":3}|protocol version 3",
            "{\"type\":\"ended\",\"job\":\"j\",\"chunks\":2147483647}|ended.chunks is 2147483647, must be at most",
            "{\"type\":\"aborted\",\"job\":\"j\"}|aborted has no reason",
            "{\"type\":\"launched\",\"job\":\"j\"}|cannot decode",
            "{\"type\":\"ended\",\"job\":\"j\",\"owner\":\"a/b\"}|owner"})
    void aBrokenJobEventIsRefusedSayingWhy(String json, String why) {
        assertThatThrownBy(() -> MessageRules.jobEvent(utf8(json)))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining(why);
    }

    @Test
    void aTombstoneIsRefused() {
        assertThatThrownBy(() -> MessageRules.jobEvent(null)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("tombstone");
        assertThatThrownBy(() -> MessageRules.partial(new byte[0])).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("tombstone");
    }

    @ParameterizedTest(name = "partial {0}")
    @CsvSource(delimiter = '|', value = {
            "null|JSON null",
            "{}|no job id",
            "{\"job\":\"j\",\"chunk\":-1,\"kind\":\"numbers\"}|partial.chunk is -1",
            "{\"job\":\"j\",\"chunk\":0}|has no kind",
            "{\"job\":\"j\",\"chunk\":2147483647,\"error\":\"x\"}|partial.chunk is 2147483647, must be at most",
            "{\"job\":\"j\",\"chunk\":0,\"kind\":\"numbers\"}|has no numbers",
            "{\"job\":\"j\",\"chunk\":0,\"kind\":\"numbers\",\"numbers\":{\"count\":2}}|no sum",
            "{\"job\":\"j\",\"chunk\":0,\"kind\":\"numbers\",\"numbers\":{\"count\":2,\"sum\":\"3\"}}|no min or max",
            "{\"job\":\"j\",\"chunk\":0,\"kind\":\"records\"}|has no latest",
            "{\"job\":\"j\",\"chunk\":0,\"kind\":\"records\",\"latest\":[{\"key\":1}]}|RecordVersion",
            "{\"job\":\"j\",\"chunk\":0,\"kind\":\"numbers\",\"crc32c\":-1,\"numbers\":{\"count\":0,\"sum\":\"0\"}}|crc32c"})
    void aBrokenPartialIsRefusedSayingWhy(String json, String why) {
        assertThatThrownBy(() -> MessageRules.partial(utf8(json)))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining(why);
    }

    @Test
    void aFailedPartialNeedsOnlyItsJobChunkAndError() {
        Partial partial = MessageRules.partial(utf8("{\"job\":\"j\",\"chunk\":3,\"error\":\"disk on fire\"}"));

        assertThat(partial.failed()).isTrue();
    }

    @Test
    void aVersionOneEventWithoutProtocolOrOwnerIsAccepted() {
        JobEvent event = MessageRules.jobEvent(utf8(
                "{\"type\":\"ended\",\"job\":\"job-1\",\"chunks\":2,\"records\":5,\"bytes\":10,\"checksum\":7}"));

        assertThat(event.protocol()).isZero();
        assertThat(event.owner()).isNull();
    }

    @Test
    void controlCharactersInAReasonAreEscaped() {
        assertThatThrownBy(() -> MessageRules.jobEvent(utf8("{\"type\":\"started\",\"job\":\"x\\u001b[2Jy\"}")))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("\\u001b[2J")
                .hasMessageNotContaining("\u001b");
    }
}
