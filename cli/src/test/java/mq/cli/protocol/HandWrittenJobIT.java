package mq.cli.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.zip.CRC32C;
import mq.launcher.ResultWatcher;
import mq.common.protocol.JobReport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job written by hand from docs/PROTOCOL.md with a plain {@code KafkaProducer} of strings: no
 * encoder, codec or header class of the project, only the page. If this stops giving the exact
 * result, the page and the code have drifted apart.
 */
class HandWrittenJobIT {
    @TempDir
    Path dir;

    @Test
    void aVersionTwoNumbersJobWrittenFromThePageIsExact() throws Exception {
        try (InProcessRoles roles = new InProcessRoles(dir.resolve("reports")).startAggregator().startConsumerWorkers(2);
             KafkaProducer<String, String> producer = plainProducer(roles);
             ResultWatcher watcher = new ResultWatcher(roles.client, roles.topics.results())) {
            String job = "by-hand-2";
            List<String> bodies = List.of("1\n2\n\n3\n", "-4.5\n1e2\n", "7\n");
            send(producer, roles.topics.jobs(), job, """
                    {"type":"started","protocol":2,"job":"by-hand-2","kind":"numbers","source":"hand.txt",
                     "format":"numbers","skip_bad":false,"started_at":%d}""".formatted(System.currentTimeMillis()));
            long checksum = 0;
            long records = 0;
            long line = 1;
            long record = 0;
            for (int chunk = 0; chunk < bodies.size(); chunk++) {
                String body = bodies.get(chunk);
                long count = body.lines().filter(l -> !l.isBlank()).count();
                long crc = crc32c(body);
                RecordHeaders headers = new RecordHeaders();
                header(headers, "mq-protocol", "2");
                header(headers, "mq-job", job);
                header(headers, "mq-chunk", Integer.toString(chunk));
                header(headers, "mq-kind", "numbers");
                header(headers, "mq-source", "hand.txt");
                header(headers, "mq-first-line", Long.toString(line));
                header(headers, "mq-first-record", Long.toString(record));
                header(headers, "mq-records", Long.toString(count));
                header(headers, "mq-crc32c", Long.toString(crc));
                header(headers, "mq-produced-at", Long.toString(System.currentTimeMillis()));
                // chunk i goes to partition i mod the topic's partition count
                producer.send(new ProducerRecord<>(roles.topics.chunks(), chunk % InProcessRoles.PARTITIONS,
                        job + "/" + chunk, body, headers)).get();
                checksum += crc;
                records += count;
                line += body.lines().count();
                record += count;
            }
            send(producer, roles.topics.jobs(), job, """
                    {"type":"ended","protocol":2,"job":"by-hand-2","chunks":3,"records":%d,"blank_lines":1,
                     "bytes":20,"checksum":%d,"produce_millis":5,"ended_at":%d}"""
                    .formatted(records, checksum, System.currentTimeMillis()));

            JobReport report = watcher.await(job, Duration.ofSeconds(60), p -> { }, () -> { });

            assertThat(report.status()).isEqualTo(JobReport.SUCCEEDED);
            assertThat(report.verified()).isTrue();
            assertThat(report.count()).isEqualTo(6);
            assertThat(report.sum()).isEqualByComparingTo("108.5");
            assertThat(report.min()).isEqualByComparingTo("-4.5");
            assertThat(report.max()).isEqualByComparingTo("100");
        }
    }

    @Test
    void aVersionOneRecordsJobWithoutOptionalHeadersIsExact() throws Exception {
        try (InProcessRoles roles = new InProcessRoles(dir.resolve("reports")).startAggregator().startConsumerWorkers(1);
             KafkaProducer<String, String> producer = plainProducer(roles);
             ResultWatcher watcher = new ResultWatcher(roles.client, roles.topics.results())) {
            String job = "by-hand-1";
            // No protocol version anywhere, no mq-source, no mq-produced-at: a client written to the first page.
            send(producer, roles.topics.jobs(), job, """
                    {"type":"started","job":"by-hand-1","kind":"records","source":"r.jsonl","format":"jsonl",
                     "record_spec":{"key_field":"id","timestamp_field":"ts","sum_fields":["amount"]},"started_at":1}""");
            String body = """
                    {"id":1,"ts":"2025-01-01T00:00:00Z","amount":"1.50"}
                    {"id":2,"ts":"2025-01-01T00:00:00Z","amount":10}
                    {"id":1,"ts":"2025-02-01T00:00:00Z","amount":2.25}
                    """;
            RecordHeaders headers = new RecordHeaders();
            header(headers, "mq-job", job);
            header(headers, "mq-chunk", "0");
            header(headers, "mq-kind", "records");
            header(headers, "mq-first-line", "1");
            header(headers, "mq-first-record", "0");
            header(headers, "mq-records", "3");
            header(headers, "mq-crc32c", Long.toString(crc32c(body)));
            header(headers, "mq-key-field", "id");
            header(headers, "mq-timestamp-field", "ts");
            header(headers, "mq-sum-fields", "amount");
            producer.send(new ProducerRecord<>(roles.topics.chunks(), 0, job + "/0", body, headers)).get();
            send(producer, roles.topics.jobs(), job, """
                    {"type":"ended","job":"by-hand-1","chunks":1,"records":3,"blank_lines":0,"bytes":%d,"checksum":%d}"""
                    .formatted(body.getBytes(StandardCharsets.UTF_8).length, crc32c(body)));

            JobReport report = watcher.await(job, Duration.ofSeconds(60), p -> { }, () -> { });

            assertThat(report.status()).isEqualTo(JobReport.SUCCEEDED);
            assertThat(report.distinctKeys()).isEqualTo(2);
            assertThat(report.sums().get("amount")).isEqualByComparingTo("12.25");
        }
    }

    @Test
    void aProducerThatFallsSilentFailsItsJobWithinSeconds() throws Exception {
        try (InProcessRoles roles = new InProcessRoles(dir.resolve("reports")).startAggregator();
             KafkaProducer<String, String> producer = plainProducer(roles);
             ResultWatcher watcher = new ResultWatcher(roles.client, roles.topics.results())) {
            // It promises an alive event every 300 ms, sends one, then dies.
            send(producer, roles.topics.jobs(), "silent", """
                    {"type":"started","protocol":2,"job":"silent","kind":"numbers","alive_every_ms":300,"started_at":1}""");
            send(producer, roles.topics.jobs(), "silent", "{\"type\":\"alive\",\"protocol\":2,\"job\":\"silent\",\"at\":1}");

            JobReport report = watcher.await("silent", Duration.ofSeconds(20), p -> { }, () -> { });

            assertThat(report.status()).isEqualTo(JobReport.FAILED);
            assertThat(report.error()).contains("the producer fell silent");
        }
    }

    private static KafkaProducer<String, String> plainProducer(InProcessRoles roles) {
        Properties props = new Properties();
        props.put("bootstrap.servers", roles.client.bootstrap());
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, String json) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, json.replace("\n", ""))).get();
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static long crc32c(String body) {
        CRC32C crc = new CRC32C();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
