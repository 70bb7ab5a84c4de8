package mq.cli.roles;

import io.micrometer.core.instrument.Counter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import mq.launcher.console.Progress;
import mq.metrics.RoleMetrics;
import mq.cli.options.Bootstrap;
import mq.cli.options.JobOptions;
import mq.cli.options.KafkaOptions;
import mq.cli.options.LimitsOptions;
import mq.cli.options.MetricsOptions;
import mq.launcher.JobIds;
import mq.common.kafka.ClientSettings;
import mq.launcher.GroupReadiness;
import mq.common.kafka.TopicSetup;
import mq.common.protocol.Topics;
import mq.producer.JobPublisher;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mq produce}: publishes one file as a job for workers and an aggregator that are already running. */
@Command(name = "produce", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Splits a file into chunks and publishes them as one job, for workers and an aggregator that run "
                + "elsewhere (./mq worker, ./mq aggregator, or Compose). Prints the job id; the aggregator writes the report.",
                "Every option also reads an environment variable, for containers."})
public final class ProduceCommand implements Callable<Integer> {
    @Mixin
    JobOptions job;

    @Mixin
    KafkaOptions kafka;

    @Mixin
    LimitsOptions limits;

    @Option(names = "--job", paramLabel = "ID", description = "Job id (default: a new one).")
    String jobId;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "${env:MQ_OUTPUT_DIR}",
            description = "Folder, as the aggregator sees it, for the job's files (env MQ_OUTPUT_DIR, default: its --reports folder).")
    Path out;

    @Option(names = "--wait-for-workers", paramLabel = "N", defaultValue = "${env:MQ_WAIT_FOR_WORKERS:-0}",
            description = "Before producing, wait until the aggregator's group and a worker group of at least N members "
                    + "are ready (offsets committed on every partition), so no chunk is sent before anyone reads; "
                    + "for roles started at the same moment, as in Compose (env MQ_WAIT_FOR_WORKERS, default ${DEFAULT-VALUE}: don't wait).")
    int waitForWorkers;

    @Option(names = "--worker-group", paramLabel = "GROUP", defaultValue = "${env:MQ_WORKER_GROUP:-mq-workers}",
            description = "The workers' group, for --wait-for-workers (env MQ_WORKER_GROUP, default ${DEFAULT-VALUE}).")
    String workerGroup;

    @Option(names = "--aggregator-group", paramLabel = "GROUP", defaultValue = "${env:MQ_AGGREGATOR_GROUP:-mq-aggregator}",
            description = "The aggregator's group, for --wait-for-workers (env MQ_AGGREGATOR_GROUP, default ${DEFAULT-VALUE}).")
    String aggregatorGroup;

    @Option(names = "--wait-timeout", paramLabel = "SECONDS", defaultValue = "${env:MQ_WAIT_TIMEOUT:-180}",
            description = "Give up waiting for the groups after this long (env MQ_WAIT_TIMEOUT, default ${DEFAULT-VALUE}).")
    long waitTimeoutSeconds;

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "${env:MQ_METRICS_PORT:--1}",
            description = "HTTP port for /metrics while producing; 0 picks a free port, -1 none "
                    + "(env MQ_METRICS_PORT, default ${DEFAULT-VALUE}; " + MetricsOptions.CONTAINER_PORT + " in Compose).")
    int metricsPort;

    @Override
    public Integer call() throws Exception {
        limits.apply();
        String id = jobId != null ? jobId : JobIds.next();
        JobPublisher.Request request = job.request(id, out);
        ClientSettings settings = kafka.settings(Bootstrap.existing(kafka));
        Topics topics = kafka.topics();
        try (Admin admin = Admin.create(settings.admin("mq-produce-admin"))) {
            TopicSetup.ensure(admin, topics, kafka.chunkPartitions());
            if (waitForWorkers > 0) {
                Duration timeout = Duration.ofSeconds(waitTimeoutSeconds);
                System.err.printf("waiting for the aggregator (group %s) and %d worker(s) (group %s) ...%n",
                        aggregatorGroup, waitForWorkers, workerGroup);
                GroupReadiness readiness = new GroupReadiness(admin);
                readiness.await(aggregatorGroup, List.of(topics.jobs(), topics.partials()), 1, timeout, () -> { });
                readiness.await(workerGroup, List.of(topics.chunks()), waitForWorkers, timeout, () -> { });
            }
        }
        try (RoleMetrics metrics = RoleMetrics.start("producer", metricsPort);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings.producer("mq-produce-" + id));
             Progress bar = Progress.always("produce", Files.size(request.input()), "MB")) {
            metrics.bind(producer);
            Counter chunks = Counter.builder("mq.chunks.produced").description("Chunks sent").register(metrics.registry());
            Counter bytes = Counter.builder("mq.input.bytes").baseUnit("bytes").description("Input read")
                    .register(metrics.registry());
            long[] last = {0, 0};
            JobPublisher.Summary sent = new JobPublisher(producer, topics, kafka.chunkPartitions())
                    .publish(request, (read, total, sentChunks) -> {
                        bar.accept(read);
                        chunks.increment(sentChunks - last[0]);
                        bytes.increment(read - last[1]);
                        last[0] = sentChunks;
                        last[1] = read;
                    });
            bar.close();
            System.out.printf("%s: %,d records in %,d chunks (%,d bytes) sent in %,d ms%n",
                    sent.job(), sent.records(), sent.chunks(), sent.bytes(), sent.produceMillis());
        }
        return 0;
    }
}
