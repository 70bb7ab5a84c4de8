package mq.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import mq.broker.LocalBroker;

/**
 * A local KRaft broker process in a fresh temporary directory, on free loopback ports. The broker
 * shuts itself down when the test JVM exits, even if that JVM is killed.
 */
public final class ProcessKafkaFixture implements KafkaFixture {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final LocalBroker broker;
    private String bootstrap;

    public ProcessKafkaFixture() {
        try {
            Path dir = Files.createTempDirectory("mq-test-broker-");
            this.broker = LocalBroker.in(dir).stoppingWith(ProcessHandle.current());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized String bootstrapServers() {
        if (bootstrap == null) {
            bootstrap = broker.ensureRunning(START_TIMEOUT);
        }
        return bootstrap;
    }

    @Override
    public String description() {
        return "a local KRaft broker process at " + (bootstrap == null ? "(not started)" : bootstrap)
                + " (files in " + broker.dir() + ")";
    }

    @Override
    public synchronized void close() {
        broker.stop(STOP_TIMEOUT);
        deleteRecursively(broker.dir());
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
