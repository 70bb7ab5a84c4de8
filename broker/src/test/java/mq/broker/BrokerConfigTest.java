package mq.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BrokerConfigTest {

    private final Path data = Path.of("build", "broker", "data").toAbsolutePath();
    private final BrokerConfig config = BrokerConfig.loopback(19092, 19093, data);

    @Test
    void runsBrokerAndControllerInOneNode() {
        Map<String, String> p = config.properties();

        assertThat(p).containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("inter.broker.listener.name", "PLAINTEXT");
    }

    @Test
    void listensAndAdvertisesOnLoopbackOnly() {
        Map<String, String> p = config.properties();

        assertThat(p).containsEntry("listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093")
                .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:19093");
        assertThat(config.bootstrap()).isEqualTo("127.0.0.1:19092");
    }

    @Test
    void usesADynamicQuorumSoStandaloneFormatWorks() {
        assertThat(config.properties()).doesNotContainKey("controller.quorum.voters");
    }

    @Test
    void internalTopicsHaveOneReplica() {
        assertThat(config.properties())
                .containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1");
    }

    @Test
    void deadGroupMembersAreFencedWithinTenSeconds() {
        Map<String, String> p = config.properties();

        assertThat(p).containsEntry("group.initial.rebalance.delay.ms", "0")
                .containsEntry("group.consumer.session.timeout.ms", "10000")
                .containsEntry("group.share.session.timeout.ms", "10000")
                .containsEntry("group.min.session.timeout.ms", "6000");
        for (String kind : new String[] {"consumer", "share"}) {
            int session = Integer.parseInt(p.get("group." + kind + ".session.timeout.ms"));
            int minSession = Integer.parseInt(p.get("group." + kind + ".min.session.timeout.ms"));
            int heartbeat = Integer.parseInt(p.get("group." + kind + ".heartbeat.interval.ms"));
            int minHeartbeat = Integer.parseInt(p.get("group." + kind + ".min.heartbeat.interval.ms"));
            assertThat(minSession).isLessThanOrEqualTo(session);
            assertThat(minHeartbeat).isLessThanOrEqualTo(heartbeat);
            assertThat(heartbeat * 3).isLessThanOrEqualTo(session);
        }
    }

    @Test
    void storesDataWhereAsked() {
        assertThat(config.properties()).containsEntry("log.dirs", data.toString());
    }

    @Test
    void rendersAFileKafkaCanReadBack() throws IOException {
        Properties read = new Properties();
        read.load(new StringReader(config.render()));

        assertThat(read).containsAllEntriesOf(config.properties());
    }

    @Test
    void parsesItsOwnOutput() throws IOException {
        BrokerConfig container = new BrokerConfig("0.0.0.0", "kafka", 9092, 9093, data);
        Properties read = new Properties();
        read.load(new StringReader(container.render()));

        assertThat(BrokerConfig.parse(read)).isEqualTo(container);
    }

    @Test
    void rejectsOnePortForBothListeners() {
        assertThatThrownBy(() -> BrokerConfig.loopback(9092, 9092, data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two different ports");
    }
}
