package mq.lab.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import mq.broker.ClusterStatus;
import mq.broker.LocalBroker;
import mq.broker.LocalCluster;

/** The lab's hold on the brokers a job runs on: a local broker, a local cluster, or a cluster it only uses. */
public sealed interface BrokerControl permits BrokerControl.Single, BrokerControl.Cluster, BrokerControl.External {
    Duration START_TIMEOUT = Duration.ofSeconds(120);

    String bootstrap();

    /** Why {@code fault} cannot be tried here, or empty when it can. */
    Optional<String> cannot(FaultKind fault);

    /** Stops one broker cleanly and starts it again; says which. */
    String restartOne();

    /** SIGKILLs the broker leading {@code topic}'s partition; says which. It stays down until {@link #heal()}. */
    String killLeader(String topic, int partition);

    /** Before the next run: every broker up and every replica in sync. */
    void heal();

    /** The single local broker ({@code --nodes 1}): it can be restarted, and nothing takes over while it is down. */
    record Single(LocalBroker broker, String bootstrap) implements BrokerControl {
        @Override
        public Optional<String> cannot(FaultKind fault) {
            return fault == FaultKind.KILL_LEADER
                    ? Optional.of("with one broker there is no other replica to take over: run with --nodes 3")
                    : Optional.empty();
        }

        @Override
        public String restartOne() {
            broker.stop(Duration.ofSeconds(30));
            broker.ensureRunning(START_TIMEOUT);
            return "the broker stopped (SIGTERM) and started again";
        }

        @Override
        public String killLeader(String topic, int partition) {
            throw new IllegalStateException(cannot(FaultKind.KILL_LEADER).orElseThrow());
        }

        @Override
        public void heal() {
            broker.ensureRunning(START_TIMEOUT);
        }
    }

    /** A local replicated cluster: any node can be stopped, killed and started again. */
    record Cluster(LocalCluster cluster, String bootstrap) implements BrokerControl {
        @Override
        public Optional<String> cannot(FaultKind fault) {
            return Optional.empty();
        }

        @Override
        public String restartOne() {
            int node = ClusterStatus.leaderOf(cluster, "__consumer_offsets", 0).orElse(1);
            cluster.stopNode(node, Duration.ofSeconds(30));
            cluster.startNode(node, START_TIMEOUT);
            return "node " + node + " (leader of __consumer_offsets-0, a group coordinator) stopped (SIGTERM) and started again";
        }

        @Override
        public String killLeader(String topic, int partition) {
            int node = ClusterStatus.leaderOf(cluster, topic, partition).orElseThrow(() -> new IllegalStateException(
                    "no node leads " + topic + "-" + partition));
            cluster.killNode(node);
            return "node " + node + " (leader of " + topic + "-" + partition + ") killed (SIGKILL)";
        }

        @Override
        public void heal() {
            cluster.start(START_TIMEOUT);
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (true) {
                List<ClusterStatus.Node> nodes = ClusterStatus.of(cluster);
                if (nodes.stream().allMatch(n -> n.pid().isPresent() && n.underReplicated() == 0)) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the cluster's replicas did not catch up within "
                            + START_TIMEOUT.toSeconds() + " s; see " + cluster.dir() + "/node-*/broker.log");
                }
                sleep(Duration.ofMillis(500));
            }
        }
    }

    /** A cluster named with --bootstrap: the lab uses it but owns no broker process. */
    record External(String bootstrap) implements BrokerControl {
        @Override
        public Optional<String> cannot(FaultKind fault) {
            return fault.needsLocalBroker()
                    ? Optional.of("needs a broker of the lab's own: run without --bootstrap")
                    : Optional.empty();
        }

        @Override
        public String restartOne() {
            throw new IllegalStateException(cannot(FaultKind.RESTART_BROKER).orElseThrow());
        }

        @Override
        public String killLeader(String topic, int partition) {
            throw new IllegalStateException(cannot(FaultKind.KILL_LEADER).orElseThrow());
        }

        @Override
        public void heal() {
            // Not ours to heal.
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the cluster", e);
        }
    }
}
