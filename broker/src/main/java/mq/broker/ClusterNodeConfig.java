package mq.broker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The settings of one node of a replicated local cluster: a single-node {@link BrokerConfig} with
 * its own node id, a static quorum of every node's controller, and replicated topics. Pure, like
 * {@link BrokerConfig}.
 *
 * @param nodeId this node's id, from 1
 * @param base   listeners, ports and data folder of this node
 * @param voters every node of the cluster (this one included), in node id order
 */
public record ClusterNodeConfig(int nodeId, BrokerConfig base, List<ClusterState.Node> voters) {

    /** Replicas of every topic: a partition survives one node down, and a write needs two copies. */
    public static final int MIN_IN_SYNC = 2;
    /**
     * A node that stops heartbeating is fenced (its partitions led elsewhere) after this long. Short,
     * because a producer blocked on a dead leader falls silent until then, and an aggregator gives a
     * silent producer's job up after three missed alive events (6 s).
     */
    public static final int BROKER_SESSION_TIMEOUT_MS = 3_000;

    public ClusterNodeConfig {
        voters = List.copyOf(voters);
        if (voters.stream().noneMatch(v -> v.nodeId() == nodeId)) {
            throw new IllegalArgumentException("node " + nodeId + " is not one of the voters " + voters);
        }
    }

    public int replicationFactor() {
        return Math.min(3, voters.size());
    }

    /** {@code 1@127.0.0.1:port,2@...}: a static quorum, so every node knows every controller from the start. */
    public String quorumVoters() {
        return voters.stream().map(v -> v.nodeId() + "@" + base.advertisedHost() + ":" + v.controllerPort())
                .collect(Collectors.joining(","));
    }

    public Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>(base.properties());
        String rf = Integer.toString(replicationFactor());
        String minIsr = Integer.toString(Math.min(MIN_IN_SYNC, replicationFactor()));
        p.put("node.id", Integer.toString(nodeId));
        // A static quorum: the storage is formatted without --standalone, and a restarted node finds its peers.
        p.remove("controller.quorum.bootstrap.servers");
        p.put("controller.quorum.voters", quorumVoters());
        // Every topic, the project's and Kafka's own, on three nodes; a write is acknowledged once two have it.
        p.put("default.replication.factor", rf);
        p.put("min.insync.replicas", minIsr);
        p.put("offsets.topic.replication.factor", rf);
        p.put("transaction.state.log.replication.factor", rf);
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("share.coordinator.state.topic.replication.factor", rf);
        p.put("share.coordinator.state.topic.min.isr", minIsr);
        // A killed node is noticed in three seconds rather than nine, so its partitions fail over quickly.
        p.put("broker.session.timeout.ms", Integer.toString(BROKER_SESSION_TIMEOUT_MS));
        p.put("broker.heartbeat.interval.ms", "500");
        return p;
    }

    public String render() {
        StringBuilder out = new StringBuilder()
                .append("# Node ").append(nodeId).append(" of a ").append(voters.size())
                .append("-node KRaft cluster written by `mq broker start --nodes ").append(voters.size())
                .append("`; rewritten on every start.\n");
        properties().forEach((key, value) -> out.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
        return out.toString();
    }
}
