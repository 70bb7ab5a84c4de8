package mq.broker;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
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
 * The broker runs as its own {@code java} process from the class path of this JVM. Processes that
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

    // Generous: a cold client in a fresh JVM on a busy 2-core machine can take seconds to connect.
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final int LOG_TAIL_LINES = 30;
    private static final long LOG_ROTATE_BYTES = 10L * 1024 * 1024;
    /** A file lock is held per JVM, not per thread: threads of this JVM queue on these first. */
    private static final Map<Path, Object> DIRECTORY_MONITORS = new ConcurrentHashMap<>();

    private final Path dir;
    private final String listenHost;
    private final String advertisedHost;
    private final int requestedBrokerPort;
    private final int requestedControllerPort;
    private final String heap;
    private final ProcessHandle owner;

    private LocalBroker(Path dir, String listenHost, String advertisedHost, int brokerPort, int controllerPort,
                        String heap, ProcessHandle owner) {
        this.dir = dir.toAbsolutePath().normalize();
        this.listenHost = listenHost;
        this.advertisedHost = advertisedHost;
        this.requestedBrokerPort = brokerPort;
        this.requestedControllerPort = controllerPort;
        this.heap = heap;
        this.owner = owner;
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
        return dir.resolve("broker.log");
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
        return state().map(BrokerState::bootstrap).filter(b -> answers(b, PROBE_TIMEOUT));
    }

    /** Starts the broker unless it already runs; returns its bootstrap address once it answers. */
    public String ensureRunning(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        return withDirectoryLock(deadline, () -> {
            Optional<BrokerState> existing = state();
            if (existing.isPresent()) {
                // Started by someone else, maybe still starting: wait for it rather than start a second one.
                BrokerState s = existing.get();
                try {
                    awaitReady(s.bootstrap(), s.liveProcess().orElseThrow(), deadline, this::logTailMessage);
                } catch (BrokerException e) {
                    throw new BrokerException(e.getMessage() + "\nThe broker (pid " + s.pid() + ") was started"
                            + " earlier from " + dir + "; `mq broker stop` ends it if it hangs.", e);
                }
                return s.bootstrap();
            }
            Files.deleteIfExists(stateFile());
            Launch launch = prepare();
            ProcessBuilder builder = new ProcessBuilder(launch.command(true))
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
            appendToLog("---- " + Instant.now() + " starting broker at " + launch.config().bootstrap() + "\n");
            Process process = start(builder);
            // Nothing reads the broker's stdin; close our end so the child owns no handle of ours.
            process.getOutputStream().close();
            launch.state(process.toHandle()).write(stateFile());
            try {
                awaitReady(launch.config().bootstrap(), process.toHandle(), deadline, this::logTailMessage);
            } catch (BrokerException e) {
                kill(process.toHandle(), Duration.ofSeconds(10));
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
        Launch launch = withDirectoryLock(deadline, () -> {
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
            kill(process.toHandle(), Duration.ofSeconds(30));
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
            kill(process.toHandle(), Duration.ofSeconds(30));
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
        process.ifPresent(p -> kill(p, timeout));
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
        try {
            List<String> all = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return Collections.emptyList();
        }
    }

    // ---- launching

    /** Everything needed to start the process: config written, storage format decided. */
    private record Launch(BrokerConfig config, String clusterId, List<String> baseCommand, List<String> brokerArgs) {

        List<String> command(boolean detach) {
            List<String> cmd = new ArrayList<>();
            if (detach) {
                detachPrefix().ifPresent(cmd::add);
            }
            cmd.addAll(baseCommand);
            cmd.addAll(brokerArgs);
            return cmd;
        }

        BrokerState state(ProcessHandle process) {
            return new BrokerState(process.pid(), config.bootstrap(), config.brokerPort(), config.controllerPort(),
                    clusterId, Instant.now().toString(), BrokerState.processStart(process));
        }
    }

    private Launch prepare() throws IOException {
        Files.createDirectories(dir);
        rotateLog();
        BrokerConfig config = chooseConfig();
        Files.writeString(propertiesFile(), config.render());
        Files.writeString(dir.resolve("log4j2.xml"), log4jConfig());
        Path meta = dataDir().resolve("meta.properties");
        boolean format = !Files.exists(meta);
        String clusterId = format ? Uuid.randomUuid().toString() : readClusterId(meta);

        List<String> base = new ArrayList<>(List.of(
                javaExecutable(),
                "-Xmx" + heap,
                "-XX:+UseG1GC",
                "-XX:MaxGCPauseMillis=20",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.xml").toUri(),
                "-Dkafka.logs.dir=" + dir,
                "-cp", ClassPath.ofThisJvm(),
                BrokerMain.class.getName()));
        List<String> args = new ArrayList<>();
        if (format) {
            args.add("--format");
            args.add(clusterId);
        }
        if (owner != null) {
            args.add("--exit-with");
            args.add(Long.toString(owner.pid()));
        }
        args.add(propertiesFile().toString());
        return new Launch(config, clusterId, base, args);
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
        int brokerPort = pickPort(requestedBrokerPort, previous.map(BrokerConfig::brokerPort), "broker");
        int controllerPort = pickPort(requestedControllerPort, previous.map(BrokerConfig::controllerPort), "controller");
        while (controllerPort == brokerPort) {
            controllerPort = freePort();
        }
        return new BrokerConfig(listenHost, advertisedHost, brokerPort, controllerPort, dataDir());
    }

    private int pickPort(int requested, Optional<Integer> previous, String what) throws IOException {
        if (requested != 0) {
            if (!isFree(requested)) {
                throw new BrokerException("the " + what + " port " + requested + " on " + listenHost
                        + " is taken by another process; choose another port or stop that process");
            }
            return requested;
        }
        if (previous.isPresent() && isFree(previous.get())) {
            return previous.get();
        }
        return freePort();
    }

    private boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(listenHost, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(listenHost, 0));
            return socket.getLocalPort();
        }
    }

    private static String readClusterId(Path meta) throws IOException {
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(meta)) {
            props.load(in);
        }
        return props.getProperty("cluster.id", "unknown");
    }

    private static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name").toLowerCase().startsWith("windows") ? "java.exe" : "java");
        if (!Files.isExecutable(java)) {
            throw new BrokerException("cannot find the java launcher at " + java
                    + "; run mq with a full JDK or JRE (JAVA_HOME pointing at Java 17 or newer)");
        }
        return java.toString();
    }

    /**
     * On Linux, {@code setsid} puts the broker in its own session: closing the terminal that ran
     * {@code mq broker start} (SIGHUP) or Ctrl-C in it does not reach the broker.
     */
    private static Optional<String> detachPrefix() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new BrokerException("could not start the broker process (" + builder.command().get(0) + "): "
                    + e.getMessage(), e);
        }
    }

    /** Waits until the broker answers; {@code diagnostics} says where to look if it never does. */
    private void awaitReady(String bootstrap, ProcessHandle process, Instant deadline, Supplier<String> diagnostics) {
        String[] hostPort = bootstrap.split(":");
        String host = BrokerConfig.LOOPBACK.equals(listenHost) || "0.0.0.0".equals(listenHost) ? hostPort[0] : listenHost;
        int port = Integer.parseInt(hostPort[1]);
        // Wait for the port first: an Admin client logs a warning on every refused connection.
        while (!accepts(host, port)) {
            checkAlive(process, deadline, bootstrap, diagnostics);
            pause();
        }
        while (!answers(bootstrap, PROBE_TIMEOUT)) {
            checkAlive(process, deadline, bootstrap, diagnostics);
            pause();
        }
    }

    private static void checkAlive(ProcessHandle process, Instant deadline, String bootstrap, Supplier<String> diagnostics) {
        if (!process.isAlive()) {
            throw new BrokerException("the broker process exited during start-up; " + diagnostics.get());
        }
        if (Instant.now().isAfter(deadline)) {
            throw new BrokerException("the broker at " + bootstrap + " did not answer in time (a slow machine may need"
                    + " a longer timeout); " + diagnostics.get());
        }
    }

    private String logTailMessage() {
        return "last lines of " + logFile() + ":\n" + String.join("\n", logTail(LOG_TAIL_LINES));
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a Kafka broker answers a metadata request at {@code bootstrap} within {@code timeout}. */
    static boolean answers(String bootstrap, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "mq-broker-probe");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        // One attempt: the caller decides whether to try again.
        props.put(AdminClientConfig.RETRIES_CONFIG, 0);
        try (Admin admin = Admin.create(props)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while waiting for the broker", e);
        }
    }

    // ---- processes and files

    private static void kill(ProcessHandle process, Duration timeout) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            process.onExit().join();
        } catch (ExecutionException e) {
            throw new BrokerException("waiting for the broker " + process.pid() + " to exit failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
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

    /** Keeps broker.log below about {@link #LOG_ROTATE_BYTES}: the previous one becomes broker.log.1. */
    private void rotateLog() throws IOException {
        if (Files.exists(logFile()) && Files.size(logFile()) > LOG_ROTATE_BYTES) {
            Files.move(logFile(), dir.resolve("broker.log.1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void appendToLog(String line) throws IOException {
        Files.writeString(logFile(), line, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @FunctionalInterface
    private interface Locked<T> {
        T run() throws IOException;
    }

    /** Serializes starts in one directory across processes (a file lock) and threads of this JVM (a monitor). */
    private <T> T withDirectoryLock(Instant deadline, Locked<T> action) {
        synchronized (DIRECTORY_MONITORS.computeIfAbsent(dir, d -> new Object())) {
            try {
                Files.createDirectories(dir);
                try (RandomAccessFile file = new RandomAccessFile(dir.resolve(".lock").toFile(), "rw");
                     FileChannel channel = file.getChannel()) {
                    FileLock lock;
                    while ((lock = channel.tryLock()) == null) {
                        if (Instant.now().isAfter(deadline)) {
                            throw new BrokerException("another process is starting the broker in " + dir
                                    + " and did not finish in time");
                        }
                        pause();
                    }
                    try {
                        return action.run();
                    } finally {
                        lock.release();
                    }
                }
            } catch (IOException e) {
                throw new BrokerException("cannot use the broker directory " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    private static String log4jConfig() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by `mq broker` on every start. The broker's stdout goes to broker.log. -->
                <Configuration status="WARN">
                  <Appenders>
                    <Console name="stdout" target="SYSTEM_OUT">
                      <PatternLayout pattern="[%d] %p %m (%c)%n"/>
                    </Console>
                  </Appenders>
                  <Loggers>
                    <Root level="INFO">
                      <AppenderRef ref="stdout"/>
                    </Root>
                    <!-- Per-request and per-partition chatter. -->
                    <Logger name="state.change.logger" level="WARN"/>
                    <Logger name="kafka.request.logger" level="WARN"/>
                    <Logger name="org.apache.kafka.storage.internals" level="WARN"/>
                    <Logger name="kafka.log" level="WARN"/>
                    <Logger name="org.apache.kafka.controller.EventPerformanceMonitor" level="WARN"/>
                    <!-- Every config object logs all its values at INFO; server.properties is next to this file. -->
                    <Logger name="org.apache.kafka.common.config.AbstractConfig" level="WARN"/>
                  </Loggers>
                </Configuration>
                """;
    }
}
