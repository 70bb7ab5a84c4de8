package mq.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mq.broker.BrokerConfig;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A broker in a container, for machines with a Docker engine: the official {@code apache/kafka} image,
 * or the image {@code MQ_KAFKA_IMAGE} names (the stand-in deploy/offline-images.sh builds where no
 * registry is reachable). Configured like the local broker process: the same group timeouts, so tests
 * that kill members behave the same on both.
 */
public final class ContainerKafkaFixture implements KafkaFixture {
    /** The image docker-compose.yml runs by default too (ComposeFileTest checks), the version of our clients. */
    public static final String DEFAULT_IMAGE = "apache/kafka:4.4.0";
    /**
     * The system property {@code mq.test.kafka.image}, else the environment variable {@code MQ_KAFKA_IMAGE}
     * (the one docker-compose.yml reads), else {@link #DEFAULT_IMAGE}.
     */
    public static final String IMAGE = Stream.of(System.getProperty("mq.test.kafka.image"), System.getenv("MQ_KAFKA_IMAGE"))
            .filter(name -> name != null && !name.isBlank())
            .map(String::trim)
            .findFirst()
            .orElse(DEFAULT_IMAGE);
    private static final long PULL_MINUTES = 3;

    private final KafkaContainer container = new KafkaContainer(
            DockerImageName.parse(IMAGE).asCompatibleSubstituteFor("apache/kafka"))
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

    /**
     * Empty when {@link #IMAGE} is on the engine or could be pulled now; else why not. Asked before
     * starting, so that a machine without a registry falls back to the broker process at once instead of
     * failing every test after Testcontainers' pull retries.
     */
    public static Optional<String> imageProblem() {
        DockerClient client = DockerClientFactory.instance().client();
        try {
            client.inspectImageCmd(IMAGE).exec();
            return Optional.empty();
        } catch (NotFoundException notHere) {
            DockerImageName name = DockerImageName.parse(IMAGE);
            try {
                boolean done = client.pullImageCmd(name.getUnversionedPart())
                        .withTag(name.getVersionPart())
                        .start()
                        .awaitCompletion(PULL_MINUTES, TimeUnit.MINUTES);
                return done ? Optional.empty()
                        : Optional.of("the Kafka image " + IMAGE + " is not here and pulling it took over " + PULL_MINUTES + " minutes");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("pulling the Kafka image " + IMAGE + " was interrupted");
            } catch (RuntimeException e) {
                return Optional.of("the Kafka image " + IMAGE + " is not here and cannot be pulled (" + e.getMessage()
                        + "); MQ_KAFKA_IMAGE names another, deploy/offline-images.sh builds one");
            }
        }
    }

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
