package mq.testing;

/**
 * A Kafka broker that tests can use. One per test JVM, chosen by {@link TestBroker}.
 *
 * <p>Implementations: {@link ContainerKafkaFixture} (the apache/kafka image through Testcontainers,
 * where a Docker engine is available), {@link ProcessKafkaFixture} (a local KRaft broker process,
 * needs only Java) and {@link ExternalKafkaFixture} (a broker someone else runs, e.g. a compose
 * service).
 */
public interface KafkaFixture extends AutoCloseable {

    /** Starts the broker if needed and returns what clients pass as {@code bootstrap.servers}. */
    String bootstrapServers();

    /** One line for the test log: what kind of broker and where. */
    String description();

    /** Stops the broker if this fixture started it and deletes what it created. */
    @Override
    void close();
}
