package mq.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import mq.broker.LocalCluster;

/**
 * The three-node cluster of this test JVM: one for all tests that need failover, started on first use
 * (about 20 s), stopped when the JVM exits. Tests that stop or kill a node start it again before they end.
 */
public final class TestCluster {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private static LocalCluster cluster;
    private static String bootstrap;

    private TestCluster() {
    }

    public static synchronized LocalCluster cluster() {
        if (cluster == null) {
            try {
                Path dir = Files.createTempDirectory("mq-test-cluster");
                cluster = LocalCluster.in(dir, 3).stoppingWith(ProcessHandle.current());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> cluster.stop(Duration.ofSeconds(30)), "test-cluster-shutdown"));
            bootstrap = cluster.start(START_TIMEOUT);
            System.err.println("tests that need failover use a 3-node cluster at " + bootstrap);
        }
        return cluster;
    }

    public static synchronized String bootstrap() {
        cluster();
        return bootstrap;
    }
}
