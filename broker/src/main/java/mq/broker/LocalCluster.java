package mq.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A replicated KRaft cluster on this machine: N nodes, each broker and controller in one process
 * of its own, on loopback and free ports, each with its own folder:
 *
 * <pre>
 * cluster.json        cluster id and every node's ports (kept, so a node restarted alone rejoins)
 * node-1/ node-2/ ... server.properties, log4j2.xml, broker.log, broker.json and data/, as a single broker's
 * </pre>
 *
 * Every node can be started, stopped (SIGTERM) or killed (SIGKILL) alone; with three nodes the
 * quorum and every partition survive one of them down.
 */
public final class LocalCluster {
    /** Where {@code mq broker --nodes N} keeps its cluster unless told otherwise. */
    public static final Path DEFAULT_DIR = Path.of("local", "cluster");
    public static final String DEFAULT_HEAP = "384m";

    private final Path dir;
    private final int size;
    private final String heap;
    private final ProcessHandle owner;

    private LocalCluster(Path dir, int size, String heap, ProcessHandle owner) {
        if (size < 1) {
            throw new BrokerException("a cluster needs at least one node, not " + size);
        }
        this.dir = dir.toAbsolutePath().normalize();
        this.size = size;
        this.heap = heap;
        this.owner = owner;
    }

    /** A cluster of {@code size} nodes with its files in {@code dir}. */
    public static LocalCluster in(Path dir, int size) {
        return new LocalCluster(dir, size, DEFAULT_HEAP, null);
    }

    public LocalCluster withHeap(String newHeap) {
        return new LocalCluster(dir, size, newHeap, owner);
    }

    /** Every node shuts itself down when {@code process} exits (a test JVM, even when killed). */
    public LocalCluster stoppingWith(ProcessHandle process) {
        return new LocalCluster(dir, size, heap, process);
    }

    public Path dir() {
        return dir;
    }

    public int size() {
        return size;
    }

    public Path nodeDir(int nodeId) {
        return dir.resolve("node-" + nodeId);
    }

    private Path clusterFile() {
        return dir.resolve("cluster.json");
    }

    /** The cluster's id and ports, once it has been created. */
    public Optional<ClusterState> state() {
        return ClusterState.read(clusterFile());
    }

    /** The process of a node that runs, answering or not. */
    public Optional<ProcessHandle> nodeProcess(int nodeId) {
        return BrokerState.read(nodeDir(nodeId).resolve("broker.json")).flatMap(BrokerState::liveProcess);
    }

    /** Every node's client address, whether it runs or not, if the cluster exists. */
    public Optional<String> bootstrap() {
        return state().map(ClusterState::bootstrap);
    }

    /**
     * Starts every node that is not running and waits until all of them answer and have joined the
     * cluster; returns the bootstrap address (every node's).
     */
    public String start(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        ClusterState cluster = DirectoryLock.withLock(dir, deadline, () -> {
            ClusterState s = stateOrCreate();
            for (ClusterState.Node node : s.nodes()) {
                if (nodeProcess(node.nodeId()).isEmpty()) {
                    launch(s, node);
                }
            }
            return s;
        });
        // Launched first, awaited after: a node of a fresh static quorum answers only once a majority runs.
        for (ClusterState.Node node : cluster.nodes()) {
            awaitNode(cluster, node, deadline);
        }
        awaitRegistered(cluster, cluster.nodes().size(), deadline);
        return cluster.bootstrap();
    }

    /** Starts one node (of an existing cluster) unless it runs, and waits until it answers. */
    public String startNode(int nodeId, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        ClusterState cluster = existing();
        ClusterState.Node node = cluster.node(nodeId);
        DirectoryLock.withLock(dir, deadline, () -> {
            if (nodeProcess(nodeId).isEmpty()) {
                launch(cluster, node);
            }
            return null;
        });
        awaitNode(cluster, node, deadline);
        return cluster.bootstrap(node);
    }

    /** SIGTERM to one node (a clean shutdown: it hands its partitions over), SIGKILL after {@code timeout}. */
    public boolean stopNode(int nodeId, Duration timeout) {
        existing().node(nodeId);
        Optional<ProcessHandle> process = nodeProcess(nodeId);
        process.ifPresent(p -> Processes.kill(p, timeout));
        return process.isPresent();
    }

    /** SIGKILL to one node: no clean shutdown, as when a machine loses power. */
    public boolean killNode(int nodeId) {
        existing().node(nodeId);
        Optional<ProcessHandle> process = nodeProcess(nodeId);
        process.ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
        return process.isPresent();
    }

    /** Stops every node; returns how many were running. */
    public int stop(Duration timeout) {
        Optional<ClusterState> cluster = state();
        if (cluster.isEmpty()) {
            return 0;
        }
        List<ProcessHandle> running = new ArrayList<>();
        cluster.get().nodes().forEach(n -> nodeProcess(n.nodeId()).ifPresent(running::add));
        // All at once: one by one, the last nodes would wait for a quorum that is already gone.
        running.forEach(ProcessHandle::destroy);
        running.forEach(p -> Processes.kill(p, timeout));
        return running.size();
    }

    private ClusterState existing() {
        return state().orElseThrow(() -> new BrokerException("no cluster in " + dir + "; start one with "
                + "`mq broker start --nodes " + size + "`"));
    }

    private ClusterState stateOrCreate() throws IOException {
        Optional<ClusterState> existing = state();
        if (existing.isPresent()) {
            if (existing.get().nodes().size() != size) {
                throw new BrokerException("the cluster in " + dir + " has " + existing.get().nodes().size()
                        + " nodes, not " + size + "; stop it and delete the folder to make a cluster of another size");
            }
            return existing.get();
        }
        PortChoice ports = new PortChoice(BrokerConfig.LOOPBACK);
        List<Integer> taken = new ArrayList<>();
        List<ClusterState.Node> nodes = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            int broker = freeDistinct(ports, taken);
            int controller = freeDistinct(ports, taken);
            nodes.add(new ClusterState.Node(id, broker, controller));
        }
        ClusterState created = new ClusterState(Uuid.randomUuid().toString(), BrokerConfig.LOOPBACK, nodes,
                owner == null ? null : owner.pid());
        created.write(clusterFile());
        return created;
    }

    private static int freeDistinct(PortChoice ports, List<Integer> taken) throws IOException {
        int port = ports.pick(0, Optional.empty(), "cluster");
        while (taken.contains(port)) {
            port = ports.pick(0, Optional.empty(), "cluster");
        }
        taken.add(port);
        return port;
    }

    /** Writes the node's settings and starts its process, formatting its storage on first start. */
    private void launch(ClusterState cluster, ClusterState.Node node) throws IOException {
        Path nodeDir = nodeDir(node.nodeId());
        Files.createDirectories(nodeDir);
        BrokerLog log = new BrokerLog(nodeDir);
        log.rotate();
        BrokerConfig base = BrokerConfig.loopback(node.brokerPort(), node.controllerPort(), nodeDir.resolve("data"));
        ClusterNodeConfig config = new ClusterNodeConfig(node.nodeId(), base, cluster.nodes());
        Path properties = nodeDir.resolve("server.properties");
        Files.writeString(properties, config.render());
        Path log4j = nodeDir.resolve("log4j2.xml");
        LocalBroker.writeLog4jConfig(log4j);
        boolean format = !Files.exists(base.dataDir().resolve("meta.properties"));
        ProcessHandle stopWith = owner != null ? owner
                : cluster.ownerPid() == null ? null : ProcessHandle.of(cluster.ownerPid()).orElse(null);
        BrokerLaunch launch = BrokerLaunch.of(base, cluster.clusterId(), format, heap, nodeDir, log4j, properties, stopWith);
        log.append("---- " + Instant.now() + " starting node " + node.nodeId() + " at " + base.bootstrap() + "\n");
        Process process = new ProcessBuilder(launch.command(true))
                .directory(nodeDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()))
                .start();
        process.getOutputStream().close();
        launch.state(process.toHandle()).write(nodeDir.resolve("broker.json"));
    }

    private void awaitNode(ClusterState cluster, ClusterState.Node node, Instant deadline) {
        ProcessHandle process = nodeProcess(node.nodeId()).orElseThrow(() -> new BrokerException("node " + node.nodeId()
                + " exited during start-up; " + new BrokerLog(nodeDir(node.nodeId())).tailMessage()));
        Readiness.await(cluster.bootstrap(node), cluster.host(), process, deadline,
                new BrokerLog(nodeDir(node.nodeId()))::tailMessage);
    }

    /** Waits until {@code count} brokers are registered: topics at replication factor 3 need all three. */
    private void awaitRegistered(ClusterState cluster, int count, Instant deadline) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "mq-cluster-probe");
        try (Admin admin = Admin.create(props)) {
            while (true) {
                try {
                    if (admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() >= count) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not yet: a node is still registering
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BrokerException("interrupted while waiting for the cluster", e);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new BrokerException("the cluster's " + count + " nodes did not all register in time; see "
                            + dir + "/node-*/broker.log");
                }
                Pause.briefly();
            }
        }
    }

    /** Total size in bytes of every node's data folder. */
    public long dataSize() {
        long total = 0;
        for (int id = 1; id <= size; id++) {
            total += LocalBroker.in(nodeDir(id)).dataSize();
        }
        return total;
    }

}
