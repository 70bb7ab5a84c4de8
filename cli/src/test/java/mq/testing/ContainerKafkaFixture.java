package mq.testing;

import mq.broker.BrokerConfig;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A broker in a container (the official {@code apache/kafka} image), for machines with a Docker engine. Configured like the local broker process: the same
 * group timeouts, so tests that kill members behave the same on both.
 */
public final class ContainerKafkaFixture implements KafkaFixture {
    /** The image docker-compose.yml runs too (ComposeFileTest checks), the version of our clients. */
    public static final String DEFAULT_IMAGE = "apache/kafka:4.4.0";
    /** {@link #DEFAULT_IMAGE} unless the system property {@code mq.test.kafka.image} names another. */
    public static final String IMAGE = System.getProperty("mq.test.kafka.image", DEFAULT_IMAGE);

    private final KafkaContainer container = new KafkaContainer(IMAGE)
            .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
            .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "1")
            .withEnv("KAFKA_GROUP_MIN_SESSION_TIMEOUT_MS", Integer.toString(BrokerConfig.MIN_SESSION_TIMEOUT_MS))
            .withEnv("KAFKA_GROUP_CONSUMER_MIN_SESSION_TIMEOUT_MS", Integer.toString(BrokerConfig.MIN_SESSION_TIMEOUT_MS))
            .withEnv("KAFKA_GROUP_CONSUMER_SESSION_TIMEOUT_MS", Integer.toString(BrokerConfig.SESSION_TIMEOUT_MS))
            .withEnv("KAFKA_GROUP_CONSUMER_MIN_HEARTBEAT_INTERVAL_MS", Integer.toString(BrokerConfig.HEARTBEAT_INTERVAL_MS))
            .withEnv("KAFKA_GROUP_CONSUMER_HEARTBEAT_INTERVAL_MS", Integer.toString(BrokerConfig.HEARTBEAT_INTERVAL_MS))
            .withEnv("KAFKA_GROUP_SHARE_MIN_SESSION_TIMEOUT_MS", Integer.toString(BrokerConfig.MIN_SESSION_TIMEOUT_MS))
            .withEnv("KAFKA_GROUP_SHARE_SESSION_TIMEOUT_MS", Integer.toString(BrokerConfig.SESSION_TIMEOUT_MS))
            .withEnv("KAFKA_GROUP_SHARE_MIN_HEARTBEAT_INTERVAL_MS", Integer.toString(BrokerConfig.HEARTBEAT_INTERVAL_MS))
            .withEnv("KAFKA_GROUP_SHARE_HEARTBEAT_INTERVAL_MS", Integer.toString(BrokerConfig.HEARTBEAT_INTERVAL_MS));

    @Override
    public synchronized String bootstrapServers() {
        if (!container.isRunning()) {
            container.start();
        }
        return container.getBootstrapServers();
    }

    @Override
    public String description() {
        return "a broker container (" + IMAGE + ")"
                + (container.isRunning() ? " at " + container.getBootstrapServers() : " (not started)");
    }

    @Override
    public synchronized void close() {
        container.stop();
    }
}
