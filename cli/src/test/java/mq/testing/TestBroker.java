package mq.testing;

import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;

/**
 * The broker of this test JVM: one for all tests, started on first use, stopped when the JVM exits.
 *
 * <p>Where a Docker engine is available, a broker container through Testcontainers
 * ({@link ContainerKafkaFixture}, image {@code MQ_KAFKA_IMAGE}); without one, or when its image can
 * neither be found nor pulled, or the container does not start, a local KRaft broker process on free
 * ports ({@link ProcessKafkaFixture}). The system property {@code mq.test.broker=process} (or
 * {@code container}) chooses one outright. Setting the system property {@code mq.test.bootstrap} or
 * the environment variable {@code MQ_TEST_BOOTSTRAP} makes the tests use that broker instead.
 * The test output says which one is used, and why.
 */
public final class TestBroker {

    private static KafkaFixture fixture;
    private static String bootstrap;
    private static RuntimeException startFailure;

    private TestBroker() {
    }

    /** {@code bootstrap.servers} of the shared test broker, starting it if needed. */
    public static synchronized String bootstrap() {
        if (startFailure != null) {
            // One failed start is enough: the other tests fail fast with the same reason.
            throw new IllegalStateException("the test broker did not start", startFailure);
        }
        if (bootstrap == null) {
            fixture = chooseFixture();
            Runtime.getRuntime().addShutdownHook(new Thread(TestBroker::shutDown, "test-broker-shutdown"));
            try {
                bootstrap = startOrFallBack();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            System.err.println("tests use " + fixture.description());
        }
        return bootstrap;
    }

    /** A name no other test uses, e.g. {@code orders-3f9c2a1b}, for topics and groups. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Client properties with only {@code bootstrap.servers} set. */
    public static Properties clientProperties() {
        Properties props = new Properties();
        props.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        return props;
    }

    /** An Admin client for the test broker; the caller closes it. */
    public static Admin admin() {
        return Admin.create(clientProperties());
    }

    private static KafkaFixture chooseFixture() {
        String external = System.getProperty("mq.test.bootstrap", System.getenv("MQ_TEST_BOOTSTRAP"));
        if (external != null && !external.isBlank()) {
            return new ExternalKafkaFixture(external.trim());
        }
        String chosen = System.getProperty("mq.test.broker", "");
        if (chosen.equals("process")) {
            System.err.println("test broker: a process, as mq.test.broker=process asks");
            return new ProcessKafkaFixture();
        }
        if (chosen.equals("container")) {
            System.err.println("test broker: a container, as mq.test.broker=container asks");
            return new ContainerKafkaFixture();
        }
        if (!Docker.available()) {
            System.err.println("test broker: a process, as " + Docker.unavailableReason());
            return new ProcessKafkaFixture();
        }
        Optional<String> imageProblem = ContainerKafkaFixture.imageProblem();
        if (imageProblem.isPresent()) {
            System.err.println("test broker: a process, as " + imageProblem.get());
            return new ProcessKafkaFixture();
        }
        System.err.println("test broker: a container, as a Docker engine is available");
        return new ContainerKafkaFixture();
    }

    /** Starts the chosen broker; a container chosen by default that does not start gives way to a process. */
    private static String startOrFallBack() {
        try {
            return fixture.bootstrapServers();
        } catch (RuntimeException e) {
            if (!(fixture instanceof ContainerKafkaFixture) || !System.getProperty("mq.test.broker", "").isEmpty()) {
                throw e;
            }
            System.err.println("test broker: a process, as the broker container did not start: " + e);
            closeQuietly(fixture);
            fixture = new ProcessKafkaFixture();
            return fixture.bootstrapServers();
        }
    }

    private static void closeQuietly(KafkaFixture failed) {
        try {
            failed.close();
        } catch (RuntimeException e) {
            System.err.println("stopping the broker container that did not start failed too: " + e);
        }
    }

    private static synchronized void shutDown() {
        try {
            fixture.close();
        } catch (RuntimeException e) {
            System.err.println("stopping the test broker failed: " + e);
            e.printStackTrace();
        }
    }
}
