package mq.broker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code cluster.json} records about a replicated local cluster: its id and every node's ports.
 * Written once when the cluster is created: a node restarted alone must rejoin with the same
 * ports and the same cluster id as its peers.
 *
 * @param ownerPid a process whose exit stops every node (a test JVM), or null: a node restarted by
 *                 anyone else (the fault lab) stays tied to it too
 */
public record ClusterState(String clusterId, String host, List<Node> nodes, Long ownerPid) {

    /** One node's address: its client port and its controller (quorum) port. */
    public record Node(int nodeId, int brokerPort, int controllerPort) {
    }

    public ClusterState {
        nodes = List.copyOf(nodes);
    }

    public Node node(int nodeId) {
        return nodes.stream().filter(n -> n.nodeId() == nodeId).findFirst().orElseThrow(() -> new BrokerException(
                "the cluster has nodes 1 to " + nodes.size() + ", not " + nodeId));
    }

    public String bootstrap(Node node) {
        return host + ":" + node.brokerPort();
    }

    /** Every node's client address: clients find the cluster through whichever node answers. */
    public String bootstrap() {
        return nodes.stream().map(this::bootstrap).collect(Collectors.joining(","));
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static Optional<ClusterState> read(Path file) {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(file), ClusterState.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new BrokerException("cannot read " + file + " (" + e.getMessage() + "); stop the cluster's nodes and"
                    + " delete the folder to start afresh", e);
        }
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, JSON.writeValueAsBytes(this));
    }
}
