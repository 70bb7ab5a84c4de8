package mq.cli.roles;

import java.util.concurrent.Callable;
import mq.cli.options.Bootstrap;
import mq.metrics.RoleMetrics;
import mq.cli.options.KafkaOptions;
import mq.cli.options.LimitsOptions;
import mq.cli.options.MetricsOptions;
import mq.common.kafka.ClientSettings;
import mq.common.kafka.TopicSetup;
import mq.common.protocol.Json;
import mq.worker.GroupType;
import mq.worker.Heartbeats;
import mq.worker.ShareWorker;
import mq.worker.Worker;
import mq.worker.WorkerLoop;
import mq.worker.reduce.BusyWork;
import mq.worker.reduce.ChunkReducer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
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

    @Mixin
    LimitsOptions limits;

    @Option(names = "--threads", paramLabel = "T", defaultValue = "${env:MQ_WORKER_THREADS:-1}",
            description = "Threads reducing chunks in parallel (env MQ_WORKER_THREADS, default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--group", paramLabel = "GROUP", defaultValue = "${env:MQ_WORKER_GROUP:-mq-workers}",
            description = "Consumer group of the workers (env MQ_WORKER_GROUP, default ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--group-type", paramLabel = "TYPE", defaultValue = "${env:MQ_GROUP_TYPE:-consumer}",
            converter = GroupTypeConverter.class,
            description = "consumer (partitions per member) or share (KIP-932 share group: chunks per member) "
                    + "(env MQ_GROUP_TYPE, default ${DEFAULT-VALUE}).")
    GroupType groupType;

    @Option(names = "--id", paramLabel = "ID", defaultValue = "${env:MQ_WORKER_ID}",
            description = "Name in reports (env MQ_WORKER_ID, default: host name and process id).")
    String id;

    @Option(names = "--work-us", paramLabel = "MICROS", defaultValue = "${env:MQ_WORK_US:-0}",
            description = "Extra CPU work per record in microseconds, for experiments (env MQ_WORK_US, default ${DEFAULT-VALUE}).")
    int workMicros;

    @Option(names = "--topics-ready", hidden = true,
            description = "Skip creating missing topics: the launcher has just done it (saves a second per process).")
    boolean topicsReady;

    @Option(names = "--work-calibration", hidden = true, paramLabel = "ITERATIONS", defaultValue = "0",
            description = "Busy-loop iterations per microsecond as a launcher measured them (0: measure here).")
    double workCalibration;

    @Override
    public Integer call() throws Exception {
        if (threads < 1) {
            throw new IllegalArgumentException("--threads must be at least 1, was " + threads);
        }
        limits.apply();
        Json.warmUpInBackground();
        String workerId = id != null && !id.isBlank() ? id : ProcessIdentity.defaultId();
        ClientSettings settings = kafka.settings(Bootstrap.existing(kafka));
        if (!topicsReady) {
            try (Admin admin = Admin.create(settings.admin(workerId + "-admin"))) {
                TopicSetup.ensure(admin, kafka.topics(), kafka.chunkPartitions());
            }
        }
        ChunkReducer reducer = new ChunkReducer(workerId, workCalibration > 0
                ? BusyWork.of(workMicros, workCalibration) : BusyWork.microsPerRecord(workMicros));
        // Batches of at least 8 chunks: each batch waits for its partials' acknowledgement and then for
        // its commit, two round trips that dominated small chunks (2 per batch: 1 ms reducing a chunk,
        // 1.3 s waiting in the queue). A crash still redoes at most one batch.
        String batchSize = Integer.toString(Math.max(8, threads * 2));
        try (RoleMetrics metrics = RoleMetrics.start("worker", metricsOptions.port())) {
            KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings.producer(workerId + "-partials"));
            metrics.bind(producer);
            WorkerLoop<?> worker;
            if (groupType == GroupType.SHARE) {
                var props = settings.shareConsumer(group, workerId);
                props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize);
                // Micrometer has no binder for share consumers: their own Kafka metrics are not exported.
                worker = new ShareWorker(() -> new KafkaShareConsumer<>(props), producer, kafka.topics(), workerId,
                        threads, reducer, metrics.registry());
            } else {
                var props = settings.consumer(group, workerId);
                props.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, batchSize);
                worker = new Worker(metrics.boundConsumers(() -> new KafkaConsumer<>(props)), producer, kafka.topics(),
                        workerId, threads, reducer, metrics.registry());
            }
            runWithHeartbeats(worker, producer, workerId, metrics);
        }
        return 0;
    }

    private void runWithHeartbeats(WorkerLoop<?> worker, KafkaProducer<byte[], byte[]> producer, String workerId,
                                   RoleMetrics metrics) {
        try (Heartbeats heartbeats = new Heartbeats(producer, kafka.topics(), workerId, group, groupType, threads,
                worker::chunksDone)) {
            Shutdown.onSignal("worker", timeout -> {
                heartbeats.close();
                worker.close(timeout);
                metrics.close();
            });
            worker.run();
        }
    }

    /** Accepts the option's lower-case names. */
    public static final class GroupTypeConverter implements picocli.CommandLine.ITypeConverter<GroupType> {
        @Override
        public GroupType convert(String value) {
            for (GroupType type : GroupType.values()) {
                if (type.optionName().equals(value.toLowerCase())) {
                    return type;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a group type: use consumer or share");
        }
    }
}
