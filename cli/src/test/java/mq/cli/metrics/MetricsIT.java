package mq.cli.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mq.aggregator.Aggregator;
import mq.aggregator.AggregatorObserver;
import mq.aggregator.report.RecentReports;
import mq.common.kafka.ClientSettings;
import mq.common.kafka.TopicSetup;
import mq.common.protocol.JobReport;
import mq.common.protocol.Json;
import mq.common.protocol.RecordSpec;
import mq.common.protocol.Topics;
import mq.launcher.GroupReadiness;
import mq.launcher.LocalRun;
import mq.launcher.ResultWatcher;
import mq.metrics.RoleMetrics;
import mq.producer.JobPublisher;
import mq.producer.input.InputFormat;
import mq.testing.TestBroker;
import mq.worker.GroupType;
import mq.worker.Worker;
import mq.worker.reduce.BusyWork;
import mq.worker.reduce.ChunkReducer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roles' HTTP endpoints, on a real broker: the meters agree with the job's report, and /jobs serves it. */
class MetricsIT {
    private static final int PARTITIONS = 4;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private final String prefix = TestBroker.uniqueName("metrics") + ".";
    private final Topics topics = Topics.withPrefix(prefix);
    private final ClientSettings client = ClientSettings.of(TestBroker.bootstrap());
    private final List<AutoCloseable> cleanUp = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = cleanUp.size() - 1; i >= 0; i--) {
            cleanUp.get(i).close();
        }
    }

    @Test
    void inProcessRolesServeMetersThatMatchTheReport() throws Exception {
        // Given an aggregator and two workers, each with its metrics served on a free port
        String workerGroup = TestBroker.uniqueName("workers");
        String aggregatorGroup = TestBroker.uniqueName("aggregator");
        RoleMetrics aggregatorMetrics = RoleMetrics.start("aggregator", 0);
        RecentReports recent = new RecentReports(10);
        aggregatorMetrics.server().orElseThrow().serveReports(recent, dir.resolve("reports"));
        List<RoleMetrics> workerMetrics = new ArrayList<>();
        try (Admin admin = Admin.create(client.admin("it"))) {
            TopicSetup.ensure(admin, topics, PARTITIONS);
            Aggregator aggregator = new Aggregator(
                    aggregatorMetrics.boundConsumers(() -> new KafkaConsumer<>(client.consumer(aggregatorGroup, "agg"))),
                    aggregatorMetrics.bind(new KafkaProducer<>(client.producer("agg-results"))), topics,
                    dir.resolve("reports"), Duration.ofMinutes(1), aggregatorMetrics.registry())
                    .observe(AggregatorObserver.reports(recent::add));
            run("aggregator", aggregator, aggregator::close, aggregatorMetrics);
            for (int i = 1; i <= 2; i++) {
                String id = "w" + i;
                RoleMetrics metrics = RoleMetrics.start("worker", 0);
                workerMetrics.add(metrics);
                Worker worker = new Worker(metrics.boundConsumers(() -> new KafkaConsumer<>(client.consumer(workerGroup, id))),
                        metrics.bind(new KafkaProducer<>(client.producer(id + "-partials"))), topics, id, 1,
                        new ChunkReducer(id, BusyWork.NONE), metrics.registry());
                run(id, worker, worker::close, metrics);
            }
            GroupReadiness readiness = new GroupReadiness(admin);
            readiness.await(aggregatorGroup, List.of(topics.jobs(), topics.partials()), 1, Duration.ofSeconds(60), () -> { });
            readiness.await(workerGroup, List.of(topics.chunks()), 2, Duration.ofSeconds(60), () -> { });
        }

        // When a job of 5,000 numbers in chunks of 250 runs
        JobReport report = produceAndAwait("metrics-job", 5_000, 250);

        // Then the workers' counters add up to the report's chunks and records
        assertThat(report.verified()).isTrue();
        assertThat(report.chunks()).isEqualTo(20);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            double chunks = 0;
            double records = 0;
            double timed = 0;
            for (RoleMetrics metrics : workerMetrics) {
                String text = get(metricsUrl(metrics)).body();
                chunks += sum(text, "mq_chunks_processed_total");
                records += sum(text, "mq_records_processed_total");
                timed += sum(text, "mq_chunk_processing_seconds_count");
            }
            assertThat(chunks).isEqualTo(report.chunks());
            assertThat(records).isEqualTo(report.count());
            assertThat(timed).isEqualTo(report.chunks());
        });
        // and each worker's meters carry its id, and its Kafka clients' meters are there
        String w1 = get(metricsUrl(workerMetrics.get(0))).body();
        assertThat(w1).contains("mq_chunks_processed_total{role=\"worker\",worker=\"w1\"}")
                .contains("mq_chunk_queue_wait_seconds_bucket")
                .contains("kafka_consumer_fetch_manager_records_lag_max")
                .contains("kafka_producer_record_send_total");
        // and the aggregator counted the partials and the job (it publishes the final before it counts it)
        String base = baseUrl(aggregatorMetrics);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String agg = get(metricsUrl(aggregatorMetrics)).body();
            assertThat(sum(agg, "mq_partials_merged_total")).isEqualTo(report.chunks());
            assertThat(sum(agg, "mq_partials_duplicates_total")).isZero();
            assertThat(agg).contains("mq_jobs_completed_total{role=\"aggregator\",status=\"succeeded\"} 1.0");
            assertThat(sum(agg, "mq_job_duration_seconds_count")).isEqualTo(1);
            // and /jobs lists the job, /jobs/ID serves its report, an unknown id is 404
            assertThat(get(base + "/jobs").body()).contains("\"job\":\"metrics-job\"").contains("\"status\":\"succeeded\"");
            HttpResponse<String> served = get(base + "/jobs/metrics-job");
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(Json.MAPPER.readTree(served.body()).toString()).isEqualTo(Json.MAPPER.valueToTree(report).toString());
        });
        assertThat(get(base + "/jobs/no-such-job").statusCode()).isEqualTo(404);
        assertThat(get(base + "/health").statusCode()).isEqualTo(200);
    }

    @Test
    void aLocalRunLogsEachRolesEndpointAndTheirMetersMatchTheReport() throws Exception {
        // Given a local run of an aggregator and two worker processes, each started with --metrics-port 0
        Path input = numbers(3_000);
        List<String> kafkaArguments = List.of("--bootstrap", client.bootstrap(), "--topic-prefix", prefix,
                "--chunk-partitions", Integer.toString(PARTITIONS));
        try (LocalRun run = new LocalRun(client, kafkaArguments, topics, PARTITIONS,
                new LocalRun.Settings(2, 1, 0, GroupType.CONSUMER, "256m", Duration.ofMinutes(2), false))) {
            // When a job runs
            JobReport report = run.execute(new JobPublisher.Request("local-metrics", input, InputFormat.NUMBERS,
                    new RecordSpec("id", "updated_at", List.of()), 200, false, dir.resolve("out").toString()), dir.resolve("out"));

            // Then every role has logged where its metrics are, and the workers' counters add up to the report
            Map<String, String> urls = run.metricsUrls();
            assertThat(urls).containsOnlyKeys("aggregator", "worker-1", "worker-2");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                double chunks = sum(get(urls.get("worker-1")).body(), "mq_chunks_processed_total")
                        + sum(get(urls.get("worker-2")).body(), "mq_chunks_processed_total");
                assertThat(chunks).isEqualTo(report.chunks());
            });
            String aggregator = get(urls.get("aggregator")).body();
            assertThat(sum(aggregator, "mq_records_merged_total")).isEqualTo(report.count());
            // and the aggregator watches the run's worker group, which has nothing left to do
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(get(urls.get("aggregator")).body()).containsPattern("(?m)^mq_group_lag\\{.*\\} 0\\.0$"));
            assertThat(get(urls.get("aggregator").replace("/metrics", "/jobs/local-metrics")).body())
                    .contains("\"verified\":true");
        }
    }

    private JobReport produceAndAwait(String job, int count, int rows) throws Exception {
        Path input = numbers(count);
        try (ResultWatcher watcher = new ResultWatcher(client, topics.results());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(client.producer("it-producer"))) {
            new JobPublisher(producer, topics, PARTITIONS).publish(new JobPublisher.Request(job, input, InputFormat.NUMBERS,
                    new RecordSpec("id", "updated_at", List.of()), rows, false, dir.resolve(job).toString()),
                    JobPublisher.Progress.NONE);
            return watcher.await(job, Duration.ofMinutes(1), p -> { }, () -> { });
        }
    }

    private Path numbers(int count) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int n = 1; n <= count; n++) {
            text.append(n).append('\n');
        }
        return Files.writeString(dir.resolve("numbers-" + count + ".txt"), text);
    }

    private interface Closer {
        void close(Duration timeout) throws InterruptedException;
    }

    private void run(String name, Runnable loop, Closer closer, RoleMetrics metrics) {
        Thread thread = new Thread(loop, name);
        thread.start();
        cleanUp.add(() -> {
            closer.close(Duration.ofSeconds(10));
            metrics.close();
        });
    }

    private static String baseUrl(RoleMetrics metrics) {
        return "http://127.0.0.1:" + metrics.server().orElseThrow().port();
    }

    private static String metricsUrl(RoleMetrics metrics) {
        return baseUrl(metrics) + "/metrics";
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The sum of a sample's values over all its label sets, in the Prometheus text format. */
    static double sum(String text, String sample) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(sample + "{") || line.startsWith(sample + " ")) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
