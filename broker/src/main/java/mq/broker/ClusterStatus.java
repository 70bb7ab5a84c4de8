package mq.broker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.QuorumInfo;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

/**
 * What each node of a cluster is doing: whether its process runs, whether it leads the KRaft quorum,
 * and which partitions it leads. Asked of whichever nodes answer.
 */
public final class ClusterStatus {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * @param pid       the node's process, if it runs
     * @param role      {@code quorum leader}, {@code voter}, or {@code down}
     * @param led       per topic, the partitions this node leads
     * @param underReplicated partitions of which this node holds a replica that is out of sync elsewhere
     */
    public record Node(int nodeId, String bootstrap, Optional<Long> pid, String role, Map<String, Set<Integer>> led,
                       int underReplicated) {
        public int ledCount() {
            return led.values().stream().mapToInt(Set::size).sum();
        }
    }

    private ClusterStatus() {
    }

    /** Every node of {@code cluster}; roles and leaders are empty when no node answers. */
    public static List<Node> of(LocalCluster cluster) {
        ClusterState state = cluster.state().orElseThrow(() -> new BrokerException("no cluster in " + cluster.dir()));
        Map<Integer, Map<String, Set<Integer>>> led = new TreeMap<>();
        Map<Integer, Integer> underReplicated = new TreeMap<>();
        int quorumLeader = -1;
        Set<Integer> alive = new TreeSet<>();
        state.nodes().forEach(n -> cluster.nodeProcess(n.nodeId()).ifPresent(p -> alive.add(n.nodeId())));
        if (!alive.isEmpty()) {
            try (Admin admin = Admin.create(settings(state))) {
                QuorumInfo quorum = admin.describeMetadataQuorum().quorumInfo().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                quorumLeader = quorum.leaderId();
                Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                for (TopicDescription topic : admin.describeTopics(names).allTopicNames()
                        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).values()) {
                    for (TopicPartitionInfo p : topic.partitions()) {
                        if (p.leader() != null) {
                            led.computeIfAbsent(p.leader().id(), id -> new TreeMap<>())
                                    .computeIfAbsent(topic.name(), t -> new TreeSet<>()).add(p.partition());
                        }
                        if (p.isr().size() < p.replicas().size()) {
                            p.replicas().forEach(r -> underReplicated.merge(r.id(), 1, Integer::sum));
                        }
                    }
                }
            } catch (ExecutionException | TimeoutException e) {
                // No answer from the running nodes (a quorum lost or still forming): processes only.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Node> nodes = new ArrayList<>();
        for (ClusterState.Node n : state.nodes()) {
            Optional<Long> pid = cluster.nodeProcess(n.nodeId()).map(ProcessHandle::pid);
            String role = pid.isEmpty() ? "down" : n.nodeId() == quorumLeader ? "quorum leader" : "voter";
            nodes.add(new Node(n.nodeId(), state.bootstrap(n), pid, role, led.getOrDefault(n.nodeId(), Map.of()),
                    underReplicated.getOrDefault(n.nodeId(), 0)));
        }
        return nodes;
    }

    /** The node that leads {@code topic}'s partition {@code partition}, if any does. */
    public static Optional<Integer> leaderOf(LocalCluster cluster, String topic, int partition) {
        return of(cluster).stream().filter(n -> n.led().getOrDefault(topic, Set.of()).contains(partition))
                .map(Node::nodeId).findFirst();
    }

    private static Properties settings(ClusterState state) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, state.bootstrap());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "mq-cluster-status");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        return props;
    }
}
