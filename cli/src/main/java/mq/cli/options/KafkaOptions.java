package mq.cli.options;

import java.nio.file.Path;
import mq.common.kafka.ClientSettings;
import mq.common.protocol.Topics;
import picocli.CommandLine.Option;

/** Where the cluster is and how the topics are named: the options every role shares. */
public final class KafkaOptions {
    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = "${env:MQ_BOOTSTRAP}",
            description = "Kafka bootstrap servers (env MQ_BOOTSTRAP). Without it: the local broker (./mq broker start).")
    String bootstrap;

    @Option(names = "--client-config", paramLabel = "FILE", defaultValue = "${env:MQ_CLIENT_CONFIG}",
            description = "Kafka client properties passed through unchanged, e.g. for SASL or TLS (env MQ_CLIENT_CONFIG).")
    Path clientConfig;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = "${env:MQ_TOPIC_PREFIX:-mq.}",
            description = "Prefix of the topic names (env MQ_TOPIC_PREFIX, default ${DEFAULT-VALUE}).")
    String topicPrefix;

    @Option(names = "--chunk-partitions", paramLabel = "N", defaultValue = "${env:MQ_CHUNK_PARTITIONS:-24}",
            description = "Partitions of the chunk topic when it is created: the most workers that can share a job "
                    + "(env MQ_CHUNK_PARTITIONS, default ${DEFAULT-VALUE}).")
    int chunkPartitions;

    @Option(names = "--broker-dir", paramLabel = "DIR", defaultValue = "${env:MQ_BROKER_DIR:-local/broker}",
            description = "Folder of the local broker used when --bootstrap is not given (default ${DEFAULT-VALUE}).")
    Path brokerDir;

    public String bootstrap() {
        return bootstrap;
    }

    public boolean hasBootstrap() {
        return bootstrap != null && !bootstrap.isBlank();
    }

    public Path brokerDir() {
        return brokerDir;
    }

    public Topics topics() {
        return Topics.withPrefix(topicPrefix);
    }

    public int chunkPartitions() {
        if (chunkPartitions < 1) {
            throw new IllegalArgumentException("--chunk-partitions must be at least 1, was " + chunkPartitions);
        }
        return chunkPartitions;
    }

    public ClientSettings settings(String resolvedBootstrap) {
        return ClientSettings.of(resolvedBootstrap, clientConfig);
    }

    /** The same options as command-line arguments, for child processes. */
    public java.util.List<String> asArguments(String resolvedBootstrap) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(
                "--bootstrap", resolvedBootstrap, "--topic-prefix", topicPrefix,
                "--chunk-partitions", Integer.toString(chunkPartitions)));
        if (clientConfig != null) {
            args.add("--client-config");
            args.add(clientConfig.toString());
        }
        return args;
    }
}
