package mq.broker;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Entry point of the broker process: optionally formats the storage, optionally ties the broker's
 * life to another process, then runs {@code kafka.Kafka}. Formatting here instead of in a separate
 * JVM saves a JVM start (about 1.5 s) on the first launch.
 *
 * <pre>java -cp ... mq.broker.BrokerMain [--format CLUSTER_ID] [--exit-with PID] server.properties</pre>
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) {
        String clusterId = null;
        Long exitWith = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--format" -> clusterId = args[++i];
                case "--exit-with" -> exitWith = Long.parseLong(args[++i]);
                default -> rest.add(args[i]);
            }
        }
        if (rest.size() != 1) {
            System.err.println("usage: BrokerMain [--format CLUSTER_ID] [--exit-with PID] server.properties");
            System.exit(2);
        }
        String serverProperties = rest.get(0);
        if (exitWith != null) {
            // A broker started for a test run stops (cleanly, through Kafka's shutdown hook) when the test JVM dies.
            OwnerWatch.exitWhenGone(exitWith, "broker", 0);
        }
        if (clusterId != null) {
            format(clusterId, serverProperties, System.out);
        }
        kafka.Kafka.main(new String[] {serverProperties});
    }

    /** Formats the log directories for a one-controller dynamic quorum ({@code --standalone}), or for the static quorum of a cluster's node. */
    static void format(String clusterId, String serverProperties, PrintStream out) {
        int rc;
        try {
            List<String> args = new ArrayList<>(List.of("format", "--cluster-id", clusterId, "--config", serverProperties));
            // A node of a cluster names every voter in its settings (a static quorum); a single broker is a quorum of one.
            if (!hasStaticQuorum(serverProperties)) {
                args.add("--standalone");
            }
            rc = kafka.tools.StorageTool.execute(args.toArray(String[]::new), out);
        } catch (RuntimeException e) {
            System.err.println("formatting the broker storage failed: " + e.getMessage());
            rc = 1;
        }
        if (rc != 0) {
            System.err.println("formatting the broker storage failed with code " + rc);
            System.exit(rc);
        }
    }

    private static boolean hasStaticQuorum(String serverProperties) {
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(Path.of(serverProperties))) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props.containsKey("controller.quorum.voters");
    }
}
