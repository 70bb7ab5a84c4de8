package mq.cli.roles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import mq.aggregator.Aggregator;
import mq.cli.options.Bootstrap;
import mq.cli.options.KafkaOptions;
import mq.common.kafka.ClientSettings;
import mq.common.kafka.TopicSetup;
import mq.common.protocol.Json;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mq aggregator}: merges partial results into each job's report; run one per installation. */
@Command(name = "aggregator", mixinStandardHelpOptions = true,
        description = {"Merges the workers' partial results into each job's final result, checks it against what the "
                + "producer sent, writes report.json (and records.jsonl) and publishes the report.",
                "Every option also reads an environment variable, for containers."})
public final class AggregatorCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--group", paramLabel = "GROUP", defaultValue = "${env:MQ_AGGREGATOR_GROUP:-mq-aggregator}",
            description = "Consumer group of the aggregator (env MQ_AGGREGATOR_GROUP, default ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = "${env:MQ_REPORTS_DIR:-runs/reports}",
            description = "Where jobs without an output folder of their own get one (env MQ_REPORTS_DIR, default ${DEFAULT-VALUE}).")
    Path reports;

    @Option(names = "--job-timeout", paramLabel = "SECONDS", defaultValue = "${env:MQ_JOB_TIMEOUT:-600}",
            description = "Fail a job after this long without any message for it (env MQ_JOB_TIMEOUT, default ${DEFAULT-VALUE}).")
    long jobTimeoutSeconds;

    @Option(names = "--topics-ready", hidden = true,
            description = "Skip creating missing topics: the launcher has just done it (saves a second per process).")
    boolean topicsReady;

    @Override
    public Integer call() throws Exception {
        Json.warmUpInBackground();
        String id = ProcessIdentity.defaultId();
        ClientSettings settings = kafka.settings(Bootstrap.existing(kafka));
        if (!topicsReady) {
            try (Admin admin = Admin.create(settings.admin(id + "-admin"))) {
                TopicSetup.ensure(admin, kafka.topics(), kafka.chunkPartitions());
            }
        }
        Aggregator aggregator = new Aggregator(new KafkaConsumer<>(settings.consumer(group, "aggregator-" + id)),
                new KafkaProducer<>(settings.producer("aggregator-" + id)), kafka.topics(), reports,
                Duration.ofSeconds(jobTimeoutSeconds));
        Shutdown.onSignal("aggregator", aggregator::close);
        aggregator.run();
        return 0;
    }
}
