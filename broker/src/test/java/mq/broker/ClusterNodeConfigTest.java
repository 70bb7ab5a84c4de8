package mq.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterNodeConfigTest {

    private final List<ClusterState.Node> three = List.of(new ClusterState.Node(1, 19092, 19093),
            new ClusterState.Node(2, 19094, 19095), new ClusterState.Node(3, 19096, 19097));
    private final ClusterNodeConfig node2 = new ClusterNodeConfig(2,
            BrokerConfig.loopback(19094, 19095, Path.of("cluster", "node-2", "data")), three);

    @Test
    void namesEveryVoterInAStaticQuorum() {
        Map<String, String> p = node2.properties();

        assertThat(p).containsEntry("node.id", "2")
                .containsEntry("controller.quorum.voters", "1@127.0.0.1:19093,2@127.0.0.1:19095,3@127.0.0.1:19097")
                .doesNotContainKey("controller.quorum.bootstrap.servers");
    }

    @Test
    void replicatesEveryTopicThreeTimesAndWritesNeedTwoInSync() {
        Map<String, String> p = node2.properties();

        assertThat(p).containsEntry("default.replication.factor", "3")
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("offsets.topic.replication.factor", "3")
                .containsEntry("transaction.state.log.min.isr", "2")
                .containsEntry("share.coordinator.state.topic.replication.factor", "3")
                .containsEntry("share.coordinator.state.topic.min.isr", "2");
    }

    @Test
    void keepsTheSingleBrokersListenersAndGroupSettings() {
        Map<String, String> p = node2.properties();

        assertThat(p).containsEntry("listeners", "PLAINTEXT://127.0.0.1:19094,CONTROLLER://127.0.0.1:19095")
                .containsEntry("process.roles", "broker,controller")
                .containsEntry("group.consumer.session.timeout.ms", Integer.toString(BrokerConfig.SESSION_TIMEOUT_MS));
        assertThat(node2.render()).startsWith("# Node 2 of a 3-node KRaft cluster").contains("node.id=2\n");
    }

    @Test
    void aClusterOfTwoReplicatesTwiceAndNeedsBothInSync() {
        ClusterNodeConfig node = new ClusterNodeConfig(1, BrokerConfig.loopback(19092, 19093, Path.of("d")), three.subList(0, 2));

        assertThat(node.properties()).containsEntry("default.replication.factor", "2").containsEntry("min.insync.replicas", "2");
    }

    @Test
    void aNodeMustBeOneOfTheVoters() {
        assertThatThrownBy(() -> new ClusterNodeConfig(4, BrokerConfig.loopback(1, 2, Path.of("d")), three))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node 4");
    }
}
