package mq.broker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings of one single-node KRaft broker (broker and controller in one process),
 * rendered as a {@code server.properties} file. Pure: no I/O, so tests can check every line.
 *
 * @param listenHost     interface both listeners bind to (127.0.0.1 unless run in a container)
 * @param advertisedHost host name clients are told to connect to
 * @param brokerPort     port of the PLAINTEXT (client) listener
 * @param controllerPort port of the CONTROLLER (KRaft quorum) listener
 * @param dataDir        where partitions and the metadata log live
 */
public record BrokerConfig(String listenHost, String advertisedHost, int brokerPort, int controllerPort, Path dataDir) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int NODE_ID = 1;

    /** Consumer-protocol (KIP-848) and share-group session timeout: a SIGKILLed member is fenced after this long. */
    public static final int SESSION_TIMEOUT_MS = 10_000;
    /** Lowest session timeout a group may ask for (the same for classic, consumer and share groups). */
    public static final int MIN_SESSION_TIMEOUT_MS = 6_000;
    /** How often members of consumer and share groups heartbeat: several beats fit in one session. */
    public static final int HEARTBEAT_INTERVAL_MS = 1_000;

    private static final Pattern LISTENER = Pattern.compile("(PLAINTEXT|CONTROLLER)://([^:,]*):(\\d+)");

    public BrokerConfig {
        Objects.requireNonNull(listenHost, "listenHost");
        Objects.requireNonNull(advertisedHost, "advertisedHost");
        Objects.requireNonNull(dataDir, "dataDir");
        requirePort(brokerPort, "brokerPort");
        requirePort(controllerPort, "controllerPort");
        if (brokerPort == controllerPort) {
            throw new IllegalArgumentException("broker and controller need two different ports, both are " + brokerPort);
        }
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** A broker reachable only from this machine. */
    public static BrokerConfig loopback(int brokerPort, int controllerPort, Path dataDir) {
        return new BrokerConfig(LOOPBACK, LOOPBACK, brokerPort, controllerPort, dataDir);
    }

    /** What clients pass as {@code bootstrap.servers}. */
    public String bootstrap() {
        return advertisedHost + ":" + brokerPort;
    }

    public BrokerConfig withPorts(int newBrokerPort, int newControllerPort) {
        return new BrokerConfig(listenHost, advertisedHost, newBrokerPort, newControllerPort, dataDir);
    }

    /** The broker settings in the order they are written, each group explained in {@link #render()}. */
    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        // One process is both the only broker and the only KRaft controller.
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("listeners", "PLAINTEXT://" + listenHost + ":" + brokerPort + ",CONTROLLER://" + listenHost + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + advertisedHost + ":" + brokerPort
                + ",CONTROLLER://" + advertisedHost + ":" + controllerPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        // Dynamic quorum: the storage is formatted with --standalone, which needs this and not controller.quorum.voters.
        p.put("controller.quorum.bootstrap.servers", advertisedHost + ":" + controllerPort);
        p.put("log.dirs", dataDir.toString());

        // Internal topics: one replica, and few partitions so the first group or transaction starts fast.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "4");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "4");
        p.put("min.insync.replicas", "1");

        // Groups: no start-up delay, and a dead member is noticed within about SESSION_TIMEOUT_MS.
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("group.min.session.timeout.ms", Integer.toString(MIN_SESSION_TIMEOUT_MS));
        p.put("group.consumer.min.session.timeout.ms", Integer.toString(MIN_SESSION_TIMEOUT_MS));
        p.put("group.consumer.session.timeout.ms", Integer.toString(SESSION_TIMEOUT_MS));
        p.put("group.consumer.min.heartbeat.interval.ms", Integer.toString(HEARTBEAT_INTERVAL_MS));
        p.put("group.consumer.heartbeat.interval.ms", Integer.toString(HEARTBEAT_INTERVAL_MS));
        p.put("group.share.min.session.timeout.ms", Integer.toString(MIN_SESSION_TIMEOUT_MS));
        p.put("group.share.session.timeout.ms", Integer.toString(SESSION_TIMEOUT_MS));
        p.put("group.share.min.heartbeat.interval.ms", Integer.toString(HEARTBEAT_INTERVAL_MS));
        p.put("group.share.heartbeat.interval.ms", Integer.toString(HEARTBEAT_INTERVAL_MS));
        return p;
    }

    /** The text of {@code server.properties}. */
    public String render() {
        StringBuilder out = new StringBuilder()
                .append("# Single-node KRaft broker written by `mq broker`; rewritten on every start.\n")
                .append("# Share groups (KIP-932) need no setting here: formatting with Kafka 4.4's default\n")
                .append("# metadata version finalizes the share.version feature.\n");
        properties().forEach((key, value) -> out.append(key).append('=').append(escape(value)).append('\n'));
        return out.toString();
    }

    /**
     * Reads back the network part of a {@code server.properties} written by {@link #render()}, so a
     * restart can reuse the ports the data was created with.
     */
    public static BrokerConfig parse(Properties props) {
        String listeners = props.getProperty("listeners", "");
        String advertised = props.getProperty("advertised.listeners", listeners);
        String logDirs = props.getProperty("log.dirs");
        Endpoint broker = endpoint(listeners, "PLAINTEXT");
        Endpoint controller = endpoint(listeners, "CONTROLLER");
        Endpoint advertisedBroker = endpoint(advertised, "PLAINTEXT");
        if (broker == null || controller == null || advertisedBroker == null || logDirs == null) {
            throw new IllegalArgumentException("not a server.properties written by mq broker (listeners=" + listeners + ")");
        }
        return new BrokerConfig(broker.host(), advertisedBroker.host(), broker.port(), controller.port(), Path.of(logDirs));
    }

    private static Endpoint endpoint(String listeners, String name) {
        Matcher m = LISTENER.matcher(listeners);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return new Endpoint(m.group(2), Integer.parseInt(m.group(3)));
            }
        }
        return null;
    }

    private record Endpoint(String host, int port) {
    }

    /** Properties-file escaping: only backslashes (Windows paths) need it in our values. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\");
    }

    private static void requirePort(int port, String name) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException(name + " must be between 1 and 65535, was " + port);
        }
    }
}
