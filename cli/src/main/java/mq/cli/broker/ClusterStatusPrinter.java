package mq.cli.broker;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import mq.broker.ClusterStatus;
import mq.broker.LocalCluster;

/** {@code mq broker status} for a cluster: a line per node, then the partitions each one leads. */
final class ClusterStatusPrinter {
    private ClusterStatusPrinter() {
    }

    static void print(LocalCluster cluster, PrintStream out) {
        if (cluster.state().isEmpty()) {
            out.println("cluster:   none in " + cluster.dir() + " (start one with ./mq broker start --nodes 3)");
            return;
        }
        List<ClusterStatus.Node> nodes = ClusterStatus.of(cluster);
        long up = nodes.stream().filter(n -> n.pid().isPresent()).count();
        out.printf("cluster:   %d of %d nodes running, %s (%s)%n", up, nodes.size(), cluster.dir(),
                BrokerCommand.humanBytes(cluster.dataSize()));
        out.println("bootstrap: " + cluster.bootstrap().orElse("-"));
        out.printf("%-5s %-16s %-8s %-14s %6s %5s  %s%n", "node", "address", "pid", "role", "leads", "urp", "leader of");
        for (ClusterStatus.Node n : nodes) {
            out.printf("%-5d %-16s %-8s %-14s %6d %5d  %s%n", n.nodeId(), n.bootstrap(),
                    n.pid().map(Object::toString).orElse("-"), n.role(), n.ledCount(), n.underReplicated(), ledText(n));
        }
        out.println("(leads: partitions led; urp: partitions on the node with a replica out of sync)");
    }

    /** {@code mq.chunks 0,3,6; mq.jobs 0}: project topics in full, Kafka's internal ones counted. */
    private static String ledText(ClusterStatus.Node node) {
        return node.led().entrySet().stream().map(e -> e.getKey().startsWith("__")
                        ? e.getKey() + " x" + e.getValue().size()
                        : e.getKey() + " " + join(e.getValue()))
                .collect(Collectors.joining("; "));
    }

    private static String join(Set<Integer> partitions) {
        return partitions.stream().map(Object::toString).collect(Collectors.joining(","));
    }
}
