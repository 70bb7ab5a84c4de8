package mq.cli.roles;

import java.util.concurrent.Callable;
import mq.cli.options.Bootstrap;
import mq.cli.metrics.RoleMetrics;
import mq.cli.options.KafkaOptions;
import mq.cli.options.MetricsOptions;
import mq.common.kafka.ClientSettings;
import mq.common.kafka.TopicSetup;
import mq.worker.Worker;
import mq.worker.reduce.BusyWork;
import mq.worker.reduce.ChunkReducer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mq worker}: one worker process; start as many as you like, kill any of them at any time. */
@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Consumes chunks as a member of a consumer group, reduces each to a partial result and sends it "
                + "to the aggregator. Offsets are committed only after the partials are acknowledged.",
                "Every option also reads an environment variable, for containers."})
public final class WorkerCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    MetricsOptions metricsOptions;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "${env:MQ_WORKER_THREADS:-1}",
            description = "Threads reducing chunks in parallel (env MQ_WORKER_THREADS, default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--group", paramLabel = "GROUP", defaultValue = "${env:MQ_WORKER_GROUP:-mq-workers}",
            description = "Consumer group of the workers (env MQ_WORKER_GROUP, default ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--id", paramLabel = "ID", defaultValue = "${env:MQ_WORKER_ID}",
            description = "Name in reports (env MQ_WORKER_ID, default: host name and process id).")
    String id;

    @Option(names = "--work-us", paramLabel = "MICROS", defaultValue = "${env:MQ_WORK_US:-0}",
            description = "Extra CPU work per record in microseconds, for experiments (env MQ_WORK_US, default ${DEFAULT-VALUE}).")
    int workMicros;

    @Override
    public Integer call() throws Exception {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, was " + threads);
        }
        String workerId = id != null && !id.isBlank() ? id : ProcessIdentity.defaultId();
        ClientSettings settings = kafka.settings(Bootstrap.existing(kafka));
        try (Admin admin = Admin.create(settings.admin(workerId + "-admin"))) {
            TopicSetup.ensure(admin, kafka.topics(), kafka.chunkPartitions());
        }
        var consumerProps = settings.consumer(group, workerId);
        // Small batches: offsets are committed after each, and a crash then redoes little.
        consumerProps.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(Math.max(2, threads * 2)));
        try (RoleMetrics metrics = RoleMetrics.start("worker", metricsOptions.port())) {
            Worker worker = new Worker(metrics.bind(new KafkaConsumer<>(consumerProps)),
                    metrics.bind(new KafkaProducer<>(settings.producer(workerId + "-partials"))), kafka.topics(), workerId, threads,
                    new ChunkReducer(workerId, BusyWork.microsPerRecord(workMicros)), metrics.registry());
            Shutdown.onSignal("worker", timeout -> {
                worker.close(timeout);
                metrics.close();
            });
            worker.run();
        }
        return 0;
    }
}
