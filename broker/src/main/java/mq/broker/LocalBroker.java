package mq.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;

/**
 * One single-node KRaft broker whose files all live in one directory the user can see and delete:
 *
 * <pre>
 * server.properties   settings, rewritten on every start (ports are kept when still free)
 * log4j2.xml          the broker's logging
 * broker.log          the broker's stdout and stderr
 * broker.json         pid, ports, cluster id while a broker started from here may run
 * data/               partitions and the metadata log
 * </pre>
 *
 * The broker runs as its own {@code java} process from the class path of this JVM plus the broker's
 * own jars ({@link BrokerJars}). Processes that
 * share the directory share the broker: {@link #ensureRunning} starts it once and returns the
 * bootstrap address to everyone.
 */
public final class LocalBroker {

    /** Where {@code mq} keeps its broker unless told otherwise (relative to the working directory). */
    public static final Path DEFAULT_DIR = Path.of("local", "broker");
    /** Environment variable that moves the broker directory, for {@code mq broker} and {@code mq run} alike. */
    public static final String DIR_ENV = "MQ_BROKER_DIR";
    public static final String DEFAULT_HEAP = "512m";
    /** Ready in 4 to 7 s on an idle 2-core machine; several times that when the machine is busy. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);
    /** The broker's logging, copied into the directory on every start so that users can read and change it. */
    private static final String LOG4J_RESOURCE = "broker-log4j2.xml";

    private final Path dir;
    private final String listenHost;
    private final String advertisedHost;
    private final int requestedBrokerPort;
    private final int requestedControllerPort;
    private final String heap;
    private final ProcessHandle owner;
    private final BrokerLog log;

    private LocalBroker(Path dir, String listenHost, String advertisedHost, int brokerPort, int controllerPort,
                        String heap, ProcessHandle owner) {
        this.dir = dir.toAbsolutePath().normalize();
        this.listenHost = listenHost;
        this.advertisedHost = advertisedHost;
        this.requestedBrokerPort = brokerPort;
        this.requestedControllerPort = controllerPort;
        this.heap = heap;
        this.owner = owner;
        this.log = new BrokerLog(this.dir);
    }

    /** {@code $MQ_BROKER_DIR} if set, else {@link #DEFAULT_DIR}. */
    public static Path defaultDir() {
        String env = System.getenv(DIR_ENV);
        return env == null || env.isBlank() ? DEFAULT_DIR : Path.of(env);
    }

    /** A loopback-only broker on free ports, with its files in {@code dir}. */
    public static LocalBroker in(Path dir) {
        return new LocalBroker(dir, BrokerConfig.LOOPBACK, BrokerConfig.LOOPBACK, 0, 0, DEFAULT_HEAP, null);
    }

    /**
     * Binds to {@code listenHost} and advertises {@code advertisedHost} (e.g. 0.0.0.0 and a container's
     * service name); a port of 0 means a free one chosen at start.
     */
    public LocalBroker withNetwork(String newListenHost, String newAdvertisedHost, int brokerPort, int controllerPort) {
        return new LocalBroker(dir, newListenHost, newAdvertisedHost, brokerPort, controllerPort, heap, owner);
    }

    /** Maximum heap of the broker JVM, in {@code -Xmx} syntax. */
    public LocalBroker withHeap(String newHeap) {
        return new LocalBroker(dir, listenHost, advertisedHost, requestedBrokerPort, requestedControllerPort, newHeap, owner);
    }

    /** The broker shuts itself down when {@code process} exits (a test JVM, even when killed). */
    public LocalBroker stoppingWith(ProcessHandle process) {
        return new LocalBroker(dir, listenHost, advertisedHost, requestedBrokerPort, requestedControllerPort, heap, process);
    }

    public Path dir() {
        return dir;
    }

    public Path logFile() {
        return log.file();
    }

    public Path dataDir() {
        return dir.resolve("data");
    }

    private Path stateFile() {
        return dir.resolve("broker.json");
    }

    private Path propertiesFile() {
        return dir.resolve("server.properties");
    }

    /** The recorded state of a broker whose process is alive, answering or not. */
    public Optional<BrokerState> state() {
        return BrokerState.read(stateFile()).filter(s -> s.liveProcess().isPresent());
    }

    /** The bootstrap address of a broker started from this directory, if it runs and answers. */
    public Optional<String> bootstrapIfRunning() {
        return state().map(BrokerState::bootstrap).filter(b -> Readiness.answers(b, Readiness.PROBE_TIMEOUT));
    }

    /** Starts the broker unless it already runs; returns its bootstrap address once it answers. */
    public String ensureRunning(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        return DirectoryLock.withLock(dir, deadline, () -> {
            Optional<BrokerState> existing = state();
            if (existing.isPresent()) {
                // Started by someone else, maybe still starting: wait for it rather than start a second one.
                BrokerState s = existing.get();
                try {
                    awaitReady(s.bootstrap(), s.liveProcess().orElseThrow(), deadline, log::tailMessage);
                } catch (BrokerException e) {
                    throw new BrokerException(e.getMessage() + "\nThe broker (pid " + s.pid() + ") was started"
                            + " earlier from " + dir + "; `mq broker stop` ends it if it hangs.", e);
                }
                return s.bootstrap();
            }
            Files.deleteIfExists(stateFile());
            BrokerLaunch launch = prepare();
            ProcessBuilder builder = new ProcessBuilder(launch.command(true))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()));
            log.append("---- " + Instant.now() + " starting broker at " + launch.config().bootstrap() + "\n");
            Process process = start(builder);
            // Nothing reads the broker's stdin; close our end so the child owns no handle of ours.
            process.getOutputStream().close();
            launch.state(process.toHandle()).write(stateFile());
            try {
                awaitReady(launch.config().bootstrap(), process.toHandle(), deadline, log::tailMessage);
            } catch (BrokerException e) {
                Processes.kill(process.toHandle(), Duration.ofSeconds(10));
                Files.deleteIfExists(stateFile());
                throw e;
            }
            return launch.config().bootstrap();
        });
    }

    /**
     * Runs the broker attached to this process (logging to this console) until it exits; Ctrl-C or
     * SIGTERM to this JVM stops it cleanly. Returns the broker's exit code.
     */
    public int runInForeground(Duration startTimeout) {
        Instant deadline = Instant.now().plus(startTimeout);
        BrokerLaunch launch = DirectoryLock.withLock(dir, deadline, () -> {
            Optional<BrokerState> existing = state();
            if (existing.isPresent()) {
                throw new BrokerException("a broker from " + dir + " already runs (pid " + existing.get().pid()
                        + ", " + existing.get().bootstrap() + "); stop it first with `mq broker stop`");
            }
            return prepare();
        });
        Process process = start(new ProcessBuilder(launch.command(false)).directory(dir.toFile()).inheritIO());
        // On Ctrl-C or SIGTERM the JVM may halt before the main thread leaves waitFor(): the hook cleans up.
        Thread stopper = new Thread(() -> {
            Processes.kill(process.toHandle(), Duration.ofSeconds(30));
            removeStateOf(process.pid());
        }, "broker-stopper");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            launch.state(process.toHandle()).write(stateFile());
            try {
                awaitReady(launch.config().bootstrap(), process.toHandle(), deadline, () -> "see the broker's output above");
                System.err.println("broker ready at " + launch.config().bootstrap() + " (data in " + dataDir() + ")");
            } catch (BrokerException e) {
                System.err.println(e.getMessage());
            }
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Processes.kill(process.toHandle(), Duration.ofSeconds(30));
            return 130;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            removeStateOf(process.pid());
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // The hook is already running and stops the broker itself.
            }
        }
    }

    /**
     * Stops the broker: SIGTERM, then SIGKILL after {@code timeout}. Returns whether one was running.
     */
    public boolean stop(Duration timeout) {
        Optional<BrokerState> s = BrokerState.read(stateFile());
        if (s.isEmpty()) {
            return false;
        }
        Optional<ProcessHandle> process = s.get().liveProcess();
        process.ifPresent(p -> Processes.kill(p, timeout));
        removeStateOf(s.get().pid());
        return process.isPresent();
    }

    /** Total size in bytes of the broker's data directory. */
    public long dataSize() {
        if (!Files.isDirectory(dataDir())) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dataDir())) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException gone) {
                    return 0; // deleted by the broker while we walked
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of broker.log, for error messages. */
    public List<String> logTail(int lines) {
        return log.tail(lines);
    }

    /** Writes the settings and the logging config, and decides whether the storage needs formatting. */
    private BrokerLaunch prepare() throws IOException {
        Files.createDirectories(dir);
        log.rotate();
        BrokerConfig config = chooseConfig();
        Files.writeString(propertiesFile(), config.render());
        Path log4j = dir.resolve("log4j2.xml");
        writeLog4jConfig(log4j);
        Path meta = dataDir().resolve("meta.properties");
        boolean format = !Files.exists(meta);
        String clusterId = format ? Uuid.randomUuid().toString() : readClusterId(meta);
        return BrokerLaunch.of(config, clusterId, format, heap, dir, log4j, propertiesFile(), owner);
    }

    /** Ports asked for, else the ones the data was created with if still free, else free ones. */
    private BrokerConfig chooseConfig() throws IOException {
        Optional<BrokerConfig> previous = Optional.empty();
        if (Files.exists(propertiesFile())) {
            Properties props = new Properties();
            try (var in = Files.newBufferedReader(propertiesFile())) {
                props.load(in);
            }
            try {
                previous = Optional.of(BrokerConfig.parse(props));
            } catch (IllegalArgumentException e) {
                // Hand-edited beyond recognition: start over with fresh ports, keep the data.
            }
        }
        PortChoice ports = new PortChoice(listenHost);
        int brokerPort = ports.pick(requestedBrokerPort, previous.map(BrokerConfig::brokerPort), "broker");
        int controllerPort = ports.pick(requestedControllerPort, previous.map(BrokerConfig::controllerPort), "controller");
        if (controllerPort == brokerPort) {
            controllerPort = ports.freePortOtherThan(brokerPort);
        }
        if (previous.isPresent() && previous.get().brokerPort() != brokerPort) {
            // Roles and tools still running with the old address would wait for it in vain: say so.
            System.err.println("warning: the broker's previous port " + previous.get().brokerPort()
                    + " is taken by another process; it now listens on " + brokerPort + ": restart clients that were given "
                    + advertisedHost + ":" + previous.get().brokerPort());
        }
        return new BrokerConfig(listenHost, advertisedHost, brokerPort, controllerPort, dataDir());
    }

    static void writeLog4jConfig(Path target) throws IOException {
        try (InputStream in = LocalBroker.class.getResourceAsStream(LOG4J_RESOURCE)) {
            if (in == null) {
                throw new BrokerException("the broker's logging config " + LOG4J_RESOURCE + " is missing from mq's jar");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String readClusterId(Path meta) throws IOException {
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(meta)) {
            props.load(in);
        }
        return props.getProperty("cluster.id", "unknown");
    }

    private Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new BrokerException("could not start the broker process (" + builder.command().get(0) + "): "
                    + e.getMessage(), e);
        }
    }

    /** Waits until the broker answers, reached on the listen address unless it listens on every interface. */
    private void awaitReady(String bootstrap, ProcessHandle process, Instant deadline, Supplier<String> diagnostics) {
        String host = BrokerConfig.LOOPBACK.equals(listenHost) || "0.0.0.0".equals(listenHost)
                ? bootstrap.substring(0, bootstrap.lastIndexOf(':')) : listenHost;
        Readiness.await(bootstrap, host, process, deadline, diagnostics);
    }

    private void removeStateOf(long pid) {
        // Only our own record: another broker may have been started from here since.
        if (BrokerState.read(stateFile()).map(s -> s.pid() == pid).orElse(true)) {
            try {
                Files.deleteIfExists(stateFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
