package mq.cli.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import mq.broker.BrokerConfig;
import mq.broker.BrokerException;
import mq.broker.BrokerState;
import mq.broker.LocalBroker;
import mq.broker.LocalCluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine;

/**
 * {@code mq broker}: a single-node Kafka broker for this machine. Alone it runs in the foreground
 * (for a terminal or a container); {@code start}, {@code status} and {@code stop} manage one that
 * runs in the background.
 */
@Command(name = "broker",
        mixinStandardHelpOptions = true,
        description = {
                "Runs a single-node Kafka (KRaft) broker whose files all live in one directory.",
                "Without a subcommand it runs in the foreground until Ctrl-C."},
        subcommands = {BrokerCommand.Start.class, BrokerCommand.Stop.class, BrokerCommand.Kill.class,
                BrokerCommand.Status.class})
public final class BrokerCommand implements Callable<Integer> {

    @Option(names = "--dir", scope = ScopeType.INHERIT, defaultValue = "${env:MQ_BROKER_DIR:-local/broker}",
            description = "Directory with the broker's config, log and data (default: ${DEFAULT-VALUE}; env MQ_BROKER_DIR).")
    Path dir;

    @Option(names = "--listen-host", scope = ScopeType.INHERIT, defaultValue = BrokerConfig.LOOPBACK,
            description = "Interface to bind, e.g. 0.0.0.0 in a container (default: ${DEFAULT-VALUE}).")
    String listenHost;

    @Option(names = "--advertised-host", scope = ScopeType.INHERIT, defaultValue = BrokerConfig.LOOPBACK,
            description = "Host name clients are told to connect to (default: ${DEFAULT-VALUE}).")
    String advertisedHost;

    @Option(names = "--port", scope = ScopeType.INHERIT, defaultValue = "0",
            description = "Client port; 0 keeps the previous one if free, else picks a free one (default).")
    int port;

    @Option(names = "--controller-port", scope = ScopeType.INHERIT, defaultValue = "0",
            description = "KRaft controller port; 0 as for --port (default).")
    int controllerPort;

    @Option(names = "--heap", scope = ScopeType.INHERIT, defaultValue = LocalBroker.DEFAULT_HEAP,
            description = "Maximum heap of the broker JVM (default: ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--timeout", scope = ScopeType.INHERIT, defaultValue = "PT90S",
            description = "How long to wait for the broker to answer, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--nodes", scope = ScopeType.INHERIT, defaultValue = "1", paramLabel = "N",
            description = "1 (default): a single broker in --dir. More: a replicated cluster of N nodes in --cluster-dir, "
                    + "topics at replication factor 3 and min.insync.replicas 2.")
    int nodes;

    @Option(names = "--node", scope = ScopeType.INHERIT, paramLabel = "K",
            description = "Only node K of the cluster (start, stop, kill).")
    Integer node;

    @Option(names = "--cluster-dir", scope = ScopeType.INHERIT, defaultValue = "${env:MQ_CLUSTER_DIR:-local/cluster}",
            description = "Folder of the cluster's nodes (default: ${DEFAULT-VALUE}; env MQ_CLUSTER_DIR).")
    Path clusterDir;

    /** Whether the command is about the cluster rather than the single broker. */
    boolean clusterMode() {
        return nodes > 1 || node != null;
    }

    LocalCluster cluster() {
        int size = nodes > 1 ? nodes : LocalCluster.in(clusterDir, 1).state().map(s -> s.nodes().size()).orElse(nodes);
        return LocalCluster.in(clusterDir, size).withHeap(heap);
    }

    LocalBroker broker() {
        return LocalBroker.in(dir).withNetwork(listenHost, advertisedHost, port, controllerPort).withHeap(heap);
    }

    @Override
    public Integer call() {
        return run(() -> broker().runInForeground(timeout));
    }

    /**
     * Runs a subcommand: a {@link BrokerException} says what went wrong and what to do, so it becomes
     * one line on stderr and exit code 1 (here, not in a handler, so it holds wherever the command is mounted).
     */
    static int run(Callable<Integer> action) {
        try {
            return action.call();
        } catch (BrokerException e) {
            System.err.println("mq broker: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("mq broker: " + e);
            e.printStackTrace();
            return 1;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Starts the broker in the background unless it runs; prints its bootstrap address.")
    static final class Start implements Callable<Integer> {
        @ParentCommand
        BrokerCommand parent;

        @Override
        public Integer call() {
            return run(() -> {
                if (parent.clusterMode()) {
                    LocalCluster cluster = parent.cluster();
                    System.out.println(parent.node != null ? cluster.startNode(parent.node, parent.timeout)
                            : cluster.start(parent.timeout));
                } else {
                    System.out.println(parent.broker().ensureRunning(parent.timeout));
                }
                return 0;
            });
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stops the background broker, the cluster (--nodes N) or one node (--node K): SIGTERM, "
                    + "then SIGKILL after --timeout.")
    static final class Stop implements Callable<Integer> {
        @ParentCommand
        BrokerCommand parent;

        @Override
        public Integer call() {
            return run(() -> {
                boolean stopped;
                if (parent.node != null) {
                    stopped = parent.cluster().stopNode(parent.node, parent.timeout);
                } else if (parent.clusterMode()) {
                    stopped = parent.cluster().stop(parent.timeout) > 0;
                } else {
                    stopped = parent.broker().stop(parent.timeout);
                }
                System.out.println(stopped ? "stopped" : "not running");
                return 0;
            });
        }
    }

    @Command(name = "kill", mixinStandardHelpOptions = true,
            description = "Kills one node of the cluster with SIGKILL (--node K), as a crash would: no clean shutdown.")
    static final class Kill implements Callable<Integer> {
        @ParentCommand
        BrokerCommand parent;

        @Override
        public Integer call() {
            return run(() -> {
                if (parent.node == null) {
                    System.err.println("mq broker kill: name the node with --node K (1 to the cluster's size)");
                    return 2;
                }
                System.out.println(parent.cluster().killNode(parent.node) ? "killed" : "not running");
                return 0;
            });
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Prints whether the broker runs, its pid, bootstrap address, data directory and size; with a "
                    + "cluster (--nodes N, or one running in --cluster-dir), every node, its role and the partitions it leads.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        BrokerCommand parent;

        @Override
        public Integer call() {
            return run(this::print);
        }

        private int print() {
            LocalCluster cluster = parent.cluster();
            boolean clusterRuns = cluster.state().isPresent() && cluster.state().get().nodes().stream()
                    .anyMatch(n -> cluster.nodeProcess(n.nodeId()).isPresent());
            if (parent.clusterMode() || clusterRuns) {
                ClusterStatusPrinter.print(cluster, System.out);
                if (parent.clusterMode()) {
                    return 0;
                }
                System.out.println();
            }
            LocalBroker broker = parent.broker();
            Optional<BrokerState> state = broker.state();
            boolean answering = broker.bootstrapIfRunning().isPresent();
            String status = state.isEmpty() ? "stopped" : answering ? "running" : "starting or not answering";
            System.out.println("status:    " + status);
            state.ifPresent(s -> {
                System.out.println("pid:       " + s.pid());
                System.out.println("bootstrap: " + s.bootstrap());
                System.out.println("cluster:   " + s.clusterId());
                System.out.println("started:   " + s.startedAt());
            });
            System.out.println("data:      " + broker.dataDir() + " (" + humanBytes(broker.dataSize()) + ")");
            System.out.println("log:       " + broker.logFile());
            return 0;
        }
    }

    static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BrokerCommand()).execute(args));
    }
}
