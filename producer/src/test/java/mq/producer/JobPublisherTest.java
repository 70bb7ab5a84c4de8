package mq.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import mq.common.protocol.ChunkMeta;
import mq.common.protocol.JobEvent;
import mq.common.protocol.JobKind;
import mq.common.protocol.Json;
import mq.common.protocol.Limits;
import mq.common.protocol.ProtocolVersion;
import mq.common.protocol.RecordSpec;
import mq.common.protocol.Topics;
import mq.producer.input.InputException;
import mq.producer.input.InputFormat;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobPublisherTest {

    private static final Topics TOPICS = Topics.withPrefix("test.");
    private static final int PARTITIONS = 3;
    private static final RecordSpec SPEC = new RecordSpec("id", "updated_at", List.of("price"));

    @TempDir
    Path dir;

    private MockProducer<byte[], byte[]> producer;
    private JobPublisher publisher;

    @BeforeEach
    void setUp() {
        producer = new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        publisher = new JobPublisher(producer, TOPICS, PARTITIONS);
    }

    @AfterEach
    void defaultLimitsAgain() {
        Limits.use(Limits.DEFAULTS);
    }

    /** As {@code --max-line-bytes BYTES} sets it for the process. */
    private static void useLongestLine(int bytes) {
        Limits.use(new Limits(bytes, Limits.MAX_NUMBER_DIGITS, Limits.MAX_EXPONENT, Limits.MAX_JSON_DEPTH,
                Limits.MAX_PARTIAL_BYTES));
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static JobPublisher.Request numbers(Path input, int rows) {
        return new JobPublisher.Request("job-1", input, InputFormat.NUMBERS, null, rows, false, null);
    }

    private List<ProducerRecord<byte[], byte[]>> sentTo(String topic) {
        return producer.history().stream().filter(r -> r.topic().equals(topic)).toList();
    }

    private List<JobEvent> events() {
        return sentTo(TOPICS.jobs()).stream().map(r -> Json.decode(r.value(), JobEvent.class)).toList();
    }

    private static long crc32c(byte[] body) {
        CRC32C crc = new CRC32C();
        crc.update(body);
        return crc.getValue();
    }

    @Test
    void sendsStartedThenChunksThenEnded() throws IOException {
        publisher.publish(numbers(file("n.txt", "1\n2\n3\n4\n5\n"), 2), JobPublisher.Progress.NONE);

        List<String> topics = producer.history().stream().map(ProducerRecord::topic).toList();
        assertThat(topics).containsExactly(TOPICS.jobs(), TOPICS.chunks(), TOPICS.chunks(), TOPICS.chunks(), TOPICS.jobs());
        assertThat(events()).hasExactlyElementsOfTypes(JobEvent.Started.class, JobEvent.Ended.class);
    }

    @Test
    void startedDescribesTheJob() throws IOException {
        Path input = file("data.jsonl", "{\"id\":1,\"updated_at\":\"2024-01-01\"}\n");

        publisher.publish(new JobPublisher.Request("job-7", input, InputFormat.JSON_LINES, SPEC, 10, true, "out"),
                JobPublisher.Progress.NONE);

        JobEvent.Started started = (JobEvent.Started) events().get(0);
        assertThat(started.job()).isEqualTo("job-7");
        assertThat(started.kind()).isEqualTo(JobKind.RECORDS);
        assertThat(started.source()).isEqualTo("data.jsonl");
        assertThat(started.format()).isEqualTo("jsonl");
        assertThat(started.recordSpec()).isEqualTo(SPEC);
        assertThat(started.skipBad()).isTrue();
        assertThat(started.outputDir()).isEqualTo(Path.of("out").toAbsolutePath().toString());
        assertThat(started.protocol()).isEqualTo(ProtocolVersion.CURRENT);
        assertThat(started.aliveEveryMs()).isEqualTo(JobPublisher.ALIVE_EVERY.toMillis());
    }

    @Test
    void aJobIdOutsideTheGrammarIsRefusedBeforeAnythingIsSent() throws IOException {
        Path input = file("n.txt", "1\n");

        assertThatThrownBy(() -> new JobPublisher.Request("../../x", input, InputFormat.NUMBERS, null, 10, false, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("job id '../../x'");
    }

    @Test
    void theOwnerTravelsInEveryEventAndChunk() throws IOException {
        Path input = file("n.txt", "1\n2\n");

        publisher.publish(numbers(input, 1).ownedBy("run-1"), JobPublisher.Progress.NONE);

        assertThat(events()).allSatisfy(event -> assertThat(event.owner()).isEqualTo("run-1"));
        assertThat(producer.history()).filteredOn(r -> r.topic().equals(TOPICS.chunks()))
                .allSatisfy(r -> assertThat(ChunkMeta.fromHeaders(r.headers()).owner()).isEqualTo("run-1"));
    }

    @Test
    void jobEventsAreKeyedByTheJob() throws IOException {
        publisher.publish(numbers(file("n.txt", "1\n"), 2), JobPublisher.Progress.NONE);

        assertThat(sentTo(TOPICS.jobs())).allSatisfy(r -> assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("job-1"));
    }

    @Test
    void chunksCarryTheirBodyAndHeaders() throws IOException {
        publisher.publish(numbers(file("n.txt", "1\n\n2\n3\n"), 2), JobPublisher.Progress.NONE);

        List<ProducerRecord<byte[], byte[]>> chunks = sentTo(TOPICS.chunks());
        assertThat(chunks).hasSize(2);
        ProducerRecord<byte[], byte[]> second = chunks.get(1);
        ChunkMeta meta = ChunkMeta.fromHeaders(second.headers());
        assertThat(new String(second.value(), StandardCharsets.UTF_8)).isEqualTo("3\n");
        assertThat(new String(second.key(), StandardCharsets.UTF_8)).isEqualTo("job-1/1");
        assertThat(meta.job()).isEqualTo("job-1");
        assertThat(meta.index()).isEqualTo(1);
        assertThat(meta.kind()).isEqualTo(JobKind.NUMBERS);
        assertThat(meta.source()).isEqualTo("n.txt");
        assertThat(meta.firstLine()).isEqualTo(4);
        assertThat(meta.firstRecord()).isEqualTo(2);
        assertThat(meta.records()).isEqualTo(1);
        assertThat(meta.crc32c()).isEqualTo(crc32c(second.value()));
        assertThat(meta.recordSpec()).isNull();
        assertThat(meta.lines()).isNull();
    }

    @Test
    void recordsChunksCarryTheSpecAndJsonArrayLines() throws IOException {
        Path input = file("data.json", "[\n{\"id\":1,\"updated_at\":\"2024-01-01\"},\n\n{\"id\":2,\"updated_at\":\"2024-01-02\"}\n]\n");

        publisher.publish(new JobPublisher.Request("job-1", input, InputFormat.JSON_ARRAY, SPEC, 10, false, null),
                JobPublisher.Progress.NONE);

        ChunkMeta meta = ChunkMeta.fromHeaders(sentTo(TOPICS.chunks()).get(0).headers());
        assertThat(meta.recordSpec()).isEqualTo(SPEC);
        assertThat(meta.lines()).containsExactly(2, 4);
    }

    @Test
    void chunkPartitionIsTheIndexModuloThePartitions() throws IOException {
        publisher.publish(numbers(file("n.txt", "1\n2\n3\n4\n5\n6\n7\n"), 1), JobPublisher.Progress.NONE);

        assertThat(sentTo(TOPICS.chunks())).extracting(ProducerRecord::partition).containsExactly(0, 1, 2, 0, 1, 2, 0);
    }

    @Test
    void endedCarriesTheTotalsAndTheSumOfTheChunkChecksums() throws IOException {
        JobPublisher.Summary summary = publisher.publish(numbers(file("n.txt", "10\n\n20\n30\n  \n40\n50\n"), 2),
                JobPublisher.Progress.NONE);

        List<ProducerRecord<byte[], byte[]>> chunks = sentTo(TOPICS.chunks());
        long expectedChecksum = chunks.stream().mapToLong(r -> crc32c(r.value())).sum();
        long expectedBytes = chunks.stream().mapToLong(r -> r.value().length).sum();
        JobEvent.Ended ended = (JobEvent.Ended) events().get(1);
        assertThat(ended.chunks()).isEqualTo(3);
        assertThat(ended.records()).isEqualTo(5);
        assertThat(ended.blankLines()).isEqualTo(2);
        assertThat(ended.bytes()).isEqualTo(expectedBytes);
        assertThat(ended.checksum()).isEqualTo(expectedChecksum);
        assertThat(summary.checksum()).isEqualTo(expectedChecksum);
        assertThat(summary.chunks()).isEqualTo(3);
        assertThat(summary.records()).isEqualTo(5);
    }

    @Test
    void anEmptyFileIsAJobOfNoChunks() throws IOException {
        publisher.publish(numbers(file("empty.txt", ""), 2), JobPublisher.Progress.NONE);

        assertThat(sentTo(TOPICS.chunks())).isEmpty();
        JobEvent.Ended ended = (JobEvent.Ended) events().get(1);
        assertThat(ended.chunks()).isZero();
        assertThat(ended.checksum()).isZero();
    }

    @Test
    void badInputAbortsTheJobNamingTheLine() throws IOException {
        Path input = file("bad.json", "[\n{\"id\":1},\n{\"id\":2,,}\n]\n");
        JobPublisher.Request request = new JobPublisher.Request("job-9", input, InputFormat.JSON_ARRAY, SPEC, 1, false, null);

        assertThatThrownBy(() -> publisher.publish(request, JobPublisher.Progress.NONE)).isInstanceOf(InputException.class);

        List<JobEvent> events = events();
        assertThat(events).hasExactlyElementsOfTypes(JobEvent.Started.class, JobEvent.Aborted.class);
        JobEvent.Aborted aborted = (JobEvent.Aborted) events.get(1);
        assertThat(aborted.job()).isEqualTo("job-9");
        assertThat(aborted.reason()).startsWith("bad.json, line 3");
        assertThat(aborted.badLines()).singleElement().satisfies(line -> {
            assertThat(line.line()).isEqualTo(3);
            assertThat(line.text()).isEqualTo("{\"id\":2,,}");
        });
    }

    @Test
    void aLineLongerThanTheLimitAbortsTheJobNamingFileAndLineWithoutBufferingIt() throws IOException {
        Path input = dir.resolve("long.txt");
        try (var out = Files.newOutputStream(input)) {
            out.write("1\n2\n".getBytes(StandardCharsets.UTF_8));
            byte[] digits = "7".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 20; i++) { // 1.25 MiB, no newline
                out.write(digits);
            }
        }

        assertThatThrownBy(() -> publisher.publish(numbers(input, 1000), JobPublisher.Progress.NONE))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("long.txt, line 3: line longer than " + Limits.MAX_LINE_BYTES + " bytes");

        JobEvent.Aborted aborted = (JobEvent.Aborted) events().get(1);
        assertThat(aborted.reason()).startsWith("long.txt, line 3: line longer than");
        assertThat(aborted.badLines()).singleElement().satisfies(line -> assertThat(line.line()).isEqualTo(3));
        assertThat(sentTo(TOPICS.chunks())).isEmpty();
    }

    @Test
    void theLongestLineIsTheOneConfiguredForTheProcess() throws IOException {
        // Given a producer whose --max-line-bytes is 2,048, and a file with a line of 3,000 digits
        useLongestLine(2048);
        Path input = file("wide.txt", "1\n" + "7".repeat(3000) + "\n");

        // Then the job is aborted, naming file, line and the limit
        assertThatThrownBy(() -> publisher.publish(numbers(input, 1000), JobPublisher.Progress.NONE))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("wide.txt, line 2: line longer than 2048 bytes, the longest line accepted (--max-line-bytes)");
        assertThat(sentTo(TOPICS.chunks())).isEmpty();
    }

    @Test
    void theLongestJsonRecordIsTheOneConfiguredForTheProcess() throws IOException {
        useLongestLine(1024);
        Path input = file("wide.json", "[\n{\"id\":1},\n{\"id\":2,\"text\":\"" + "x".repeat(2000) + "\"}\n]\n");
        JobPublisher.Request request = new JobPublisher.Request("job-9", input, InputFormat.JSON_ARRAY, SPEC, 1, false, null);

        assertThatThrownBy(() -> publisher.publish(request, JobPublisher.Progress.NONE))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("wide.json, line 3: record longer than 1024 bytes");
    }

    @Test
    void controlCharactersInAnAbortReasonAreEscaped() throws IOException {
        Path input = file("bad.json", "[\n{\"id\":1},\n{\"id\":\u001b[2J,}\n]\n");
        JobPublisher.Request request = new JobPublisher.Request("job-9", input, InputFormat.JSON_ARRAY, SPEC, 1, false, null);

        assertThatThrownBy(() -> publisher.publish(request, JobPublisher.Progress.NONE)).isInstanceOf(InputException.class);

        JobEvent.Aborted aborted = (JobEvent.Aborted) events().get(1);
        assertThat(aborted.reason()).startsWith("bad.json, line 3").doesNotContain("\u001b").contains("\\u001b");
    }

    @Test
    void anUnreadableInputAbortsTheJob() throws IOException {
        Path notAFile = Files.createDirectory(dir.resolve("input.txt"));

        assertThatThrownBy(() -> publisher.publish(numbers(notAFile, 2), JobPublisher.Progress.NONE))
                .isInstanceOf(IOException.class);

        List<JobEvent> events = events();
        assertThat(events).hasExactlyElementsOfTypes(JobEvent.Started.class, JobEvent.Aborted.class);
        assertThat(((JobEvent.Aborted) events.get(1)).reason()).startsWith("input.txt: cannot read the input");
    }

    @Test
    void reportsProgressAfterEachChunk() throws IOException {
        Path input = file("n.txt", "1\n2\n3\n");
        List<Integer> seen = new ArrayList<>();

        publisher.publish(numbers(input, 1), (bytesRead, totalBytes, chunks) -> {
            assertThat(totalBytes).isEqualTo(6);
            seen.add(chunks);
        });

        assertThat(seen).containsExactly(1, 2, 3);
    }

    @Test
    void aFailedSendAbortsTheJob() throws IOException {
        Path input = file("n.txt", "1\n2\n");
        MockProducer<byte[], byte[]> failing = new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer()) {
            @Override
            public synchronized java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata> send(
                    ProducerRecord<byte[], byte[]> record, org.apache.kafka.clients.producer.Callback callback) {
                var future = super.send(record, callback);
                if (record.topic().equals(TOPICS.chunks())) {
                    errorNext(new org.apache.kafka.common.errors.RecordTooLargeException("too large"));
                } else {
                    completeNext();
                }
                return future;
            }
        };
        JobPublisher failingPublisher = new JobPublisher(failing, TOPICS, PARTITIONS);

        assertThatThrownBy(() -> failingPublisher.publish(numbers(input, 1), JobPublisher.Progress.NONE))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("too large");

        List<JobEvent> events = failing.history().stream().filter(r -> r.topic().equals(TOPICS.jobs()))
                .map(r -> Json.decode(r.value(), JobEvent.class)).toList();
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(JobEvent.Aborted.class,
                aborted -> assertThat(aborted.reason()).contains("too large"));
    }
}
