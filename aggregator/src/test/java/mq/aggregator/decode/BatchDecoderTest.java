package mq.aggregator.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mq.common.exact.NumberStats;
import mq.common.protocol.JobEvent;
import mq.common.protocol.JobKind;
import mq.common.protocol.Json;
import mq.common.protocol.Partial;
import mq.common.protocol.ProtocolVersion;
import mq.common.protocol.RecordSpec;
import mq.common.records.RecordKey;
import mq.common.records.RecordVersion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Decoding on several threads gives each record the outcome, and the place, that decoding it alone would. */
class BatchDecoderTest {
    private static final String JOBS = "t.jobs";
    private static final String PARTIALS = "t.partials";
    private static final String JOB = "job-1";

    @Test
    void aMixedBatchDecodedInParallelEqualsSequentialDecodingRecordForRecord() {
        List<ConsumerRecord<byte[], byte[]>> batch = mixedBatch();
        try (BatchDecoder decoder = new BatchDecoder(JOBS, 4)) {
            for (int round = 0; round < 50; round++) { // many rounds: the helpers interleave differently each time
                assertSameOutcomes(decoder.decode(batch), sequentially(batch));
            }
        }
    }

    @Test
    void theBatchKeepsBadMessagesAsFailuresInTheirPlace() {
        List<DecodedMessage> decoded;
        try (BatchDecoder decoder = new BatchDecoder(JOBS, 4)) {
            decoded = decoder.decode(mixedBatch());
        }
        assertThat(decoded).extracting(d -> d.failure() == null ? "ok" : d.failure().getClass().getSimpleName())
                .containsExactlyElementsOf(expectedKinds());
        assertThat(decoded.get(0).message()).isInstanceOf(JobEvent.Started.class);
        assertThat(decoded.get(1).message()).isInstanceOf(Partial.class);
    }

    @Test
    void aClosedDecoderStillDecodesOnTheCallingThread() {
        BatchDecoder decoder = new BatchDecoder(JOBS, 4);
        decoder.close();
        List<ConsumerRecord<byte[], byte[]>> batch = mixedBatch();
        assertSameOutcomes(decoder.decode(batch), sequentially(batch));
    }

    @Test
    void oneThreadAndSmallBatchesDecodeAsAlone() {
        List<ConsumerRecord<byte[], byte[]>> batch = mixedBatch();
        List<ConsumerRecord<byte[], byte[]>> one = batch.subList(0, 2); // a job event and one partial
        try (BatchDecoder single = new BatchDecoder(JOBS, 1); BatchDecoder pooled = new BatchDecoder(JOBS, 4)) {
            assertSameOutcomes(single.decode(batch), sequentially(batch));
            assertSameOutcomes(pooled.decode(one), sequentially(one));
            assertThat(pooled.decode(List.of())).isEmpty();
        }
    }

    private static List<DecodedMessage> sequentially(List<ConsumerRecord<byte[], byte[]>> batch) {
        List<DecodedMessage> decoded = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            decoded.add(DecodedMessage.decode(record, JOBS));
        }
        return decoded;
    }

    /** Same records in the same order, each with an equal message or a failure of the same type and text. */
    private static void assertSameOutcomes(List<DecodedMessage> actual, List<DecodedMessage> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            DecodedMessage a = actual.get(i);
            DecodedMessage e = expected.get(i);
            assertThat(a.record()).as("record %d", i).isSameAs(e.record());
            assertThat(outcome(a)).as("outcome of record %d", i).isEqualTo(outcome(e));
        }
    }

    private static Object outcome(DecodedMessage decoded) {
        Throwable failure = decoded.failure();
        return failure == null ? decoded.message() : failure.getClass().getName() + ": " + failure.getMessage();
    }

    private static List<String> expectedKinds() {
        List<String> kinds = new ArrayList<>(List.of("ok", "ok", "ok", "MalformedMessageException",
                "MalformedMessageException", "ok", "MalformedMessageException", "MalformedMessageException", "ok"));
        for (int chunk = 3; chunk < 20; chunk++) {
            kinds.add("ok");
        }
        kinds.add("ok");
        return kinds;
    }

    /** Job events, numbers and records partials, garbage, a tombstone, {@code {}} and a partial breaking the rules. */
    private static List<ConsumerRecord<byte[], byte[]>> mixedBatch() {
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
        add(batch, JOBS, Json.encode(new JobEvent.Started(JOB, JobKind.RECORDS, "r.json", "json", RecordSpec.DEFAULT, false, null,
                1_000)));
        add(batch, PARTIALS, Json.encode(recordsPartial(0)));
        add(batch, PARTIALS, Json.encode(numbersPartial(1)));
        add(batch, PARTIALS, "not json".getBytes(StandardCharsets.UTF_8));
        add(batch, PARTIALS, null);
        add(batch, PARTIALS, Json.encode(recordsPartial(2)));
        add(batch, JOBS, "{}".getBytes(StandardCharsets.UTF_8));
        add(batch, PARTIALS, Json.encode(numbersPartial(-1)));
        add(batch, JOBS, Json.encode(new JobEvent.Alive(JOB, 5, null, ProtocolVersion.CURRENT)));
        for (int chunk = 3; chunk < 20; chunk++) {
            add(batch, PARTIALS, Json.encode(chunk % 2 == 0 ? recordsPartial(chunk) : numbersPartial(chunk)));
        }
        add(batch, JOBS, Json.encode(new JobEvent.Ended(JOB, 20, 40, 0, 20, 1, 50, 1_100)));
        return batch;
    }

    private static void add(List<ConsumerRecord<byte[], byte[]>> batch, String topic, byte[] value) {
        batch.add(new ConsumerRecord<>(topic, 0, batch.size(), JOB.getBytes(StandardCharsets.UTF_8), value));
    }

    private static Partial numbersPartial(int chunk) {
        NumberStats stats = new NumberStats(2, BigDecimal.valueOf(3), BigDecimal.ONE, BigDecimal.valueOf(2));
        return new Partial(JOB, chunk, "w1", JobKind.NUMBERS, 2, 10, 7, 1_000, 1_010, 1_020, 5_000, stats, null, 0,
                List.of(), null);
    }

    private static Partial recordsPartial(int chunk) {
        List<RecordVersion> latest = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            latest.add(new RecordVersion(RecordKey.ofNumber(BigDecimal.valueOf(i)), Instant.ofEpochSecond(1_000 + i), i,
                    chunk, Map.of("amount", new BigDecimal("1.50")),
                    "{\"id\":" + i + ",\"updated_at\":\"2024-01-01T00:00:00Z\",\"amount\":1.50,\"name\":\"é\"}"));
        }
        return new Partial(JOB, chunk, "w1", JobKind.RECORDS, 50, 100, 7, 1_000, 1_010, 1_020, 5_000, null, latest, 0,
                List.of(), null);
    }
}
