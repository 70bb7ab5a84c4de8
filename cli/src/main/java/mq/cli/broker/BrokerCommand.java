package mq.cli.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import mq.broker.BrokerConfig;
import mq.broker.BrokerException;
import mq.broker.BrokerState;
import mq.broker.LocalBroker;
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
        subcommands = {BrokerCommand.Start.class, BrokerCommand.Stop.class, BrokerCommand.Status.class})
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
                System.out.println(parent.broker().ensureRunning(parent.timeout));
                return 0;
            });
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Stops the background broker (SIGTERM, then SIGKILL after --timeout).")
    static final class Stop implements Callable<Integer> {
        @ParentCommand
        BrokerCommand parent;

        @Override
        public Integer call() {
            return run(() -> {
                boolean stopped = parent.broker().stop(parent.timeout);
                System.out.println(stopped ? "stopped" : "not running");
                return 0;
            });
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Prints whether the broker runs, its pid, bootstrap address, data directory and size.")
    static final class Status implements Callable<Integer> {
        @ParentCommand
        BrokerCommand parent;

        @Override
        public Integer call() {
            return run(this::print);
        }

        private int print() {
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
