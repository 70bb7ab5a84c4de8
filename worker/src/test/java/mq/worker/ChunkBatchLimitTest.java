package mq.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mq.common.protocol.JobKind;
import mq.common.protocol.Limits;
import mq.common.protocol.Json;
import mq.common.protocol.MessageRules;
import mq.common.protocol.Partial;
import mq.common.records.RecordKey;
import mq.common.records.RecordVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A partial past the message limit is never sent (and retried forever): it becomes a failed partial saying why. */
class ChunkBatchLimitTest {

    private static Partial recordsPartial(int versions, int jsonBytes) {
        List<RecordVersion> latest = new ArrayList<>();
        String json = "{\"id\":0,\"text\":\"" + "x".repeat(jsonBytes) + "\"}";
        for (int i = 0; i < versions; i++) {
            latest.add(new RecordVersion(RecordKey.ofNumber(BigDecimal.valueOf(i)), Instant.EPOCH, i, i + 1, Map.of(), json));
        }
        return new Partial("job-1", 7, "w1", JobKind.RECORDS, versions, 100, 5, 0, 0, 0, 0, null, latest, 0, List.of(), null,
                "run-1", 2);
    }

    @Test
    void aPartialWithinTheLimitTravelsUnchanged() {
        Partial partial = recordsPartial(10, 100);

        assertThat(ChunkBatch.encodeWithinLimit(partial)).isEqualTo(Json.encode(partial));
    }

    @Test
    void aPartialOverTheLimitBecomesAFailedPartialNamingTheChunkAndTheRemedy() {
        Partial huge = recordsPartial(20, 1024 * 1024); // about 20 MiB of JSON: past the 16 MiB limit

        byte[] sent = ChunkBatch.encodeWithinLimit(huge);

        assertThat(sent.length).isLessThan(Limits.MAX_PARTIAL_BYTES);
        Partial failed = MessageRules.partial(sent);
        assertThat(failed.failed()).isTrue();
        assertThat(failed.chunk()).isEqualTo(7);
        assertThat(failed.owner()).isEqualTo("run-1");
        assertThat(failed.error()).contains("partial result of chunk 7").contains("smaller --chunk-size");
    }

    @AfterEach
    void defaultLimitsAgain() {
        Limits.use(Limits.DEFAULTS);
    }

    @Test
    void theLargestPartialIsTheOneConfiguredForTheProcess() {
        // Given a worker whose --max-partial-bytes is 64 KiB, and a partial of about 100 KB
        Limits.use(new Limits(Limits.MAX_LINE_BYTES, Limits.MAX_NUMBER_DIGITS, Limits.MAX_EXPONENT, Limits.MAX_JSON_DEPTH,
                64 * 1024));

        Partial failed = MessageRules.partial(ChunkBatch.encodeWithinLimit(recordsPartial(10, 10_000)));

        // Then it is a failed partial naming the limit and the remedy
        assertThat(failed.failed()).isTrue();
        assertThat(failed.error()).contains("over the limit of 65536").contains("smaller --chunk-size");
    }

    @Test
    void partialsTheBrokerRefusedForGoodAreReplacedByFailedOnes() {
        List<Partial> failed = ChunkBatch.failedInstead(List.of(recordsPartial(1, 10)), "RecordTooLargeException");

        assertThat(failed).singleElement().satisfies(p -> {
            assertThat(p.failed()).isTrue();
            assertThat(p.error()).contains("could not send the partial result of chunk 7").contains("RecordTooLarge");
        });
    }
}
