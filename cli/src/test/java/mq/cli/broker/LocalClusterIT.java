package mq.cli.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mq.broker.ClusterStatus;
import mq.broker.LocalCluster;
import mq.common.kafka.ClientSettings;
import mq.common.kafka.TopicSetup;
import mq.common.protocol.Topics;
import mq.testing.TestBroker;
import mq.testing.TestCluster;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A three-node cluster's life: start, replicated topics, a leader killed while a producer writes
 * (nothing lost), a node stopped and started alone. Ordered, because a cluster start costs seconds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    static LocalCluster cluster;
    static String bootstrap;
    static Topics topics = Topics.withPrefix(TestBroker.uniqueName("cluster") + ".");

    @BeforeAll
    static void start() {
        cluster = TestCluster.cluster();
        bootstrap = TestCluster.bootstrap();
    }

    /** Other tests share the cluster: every node runs again, every replica in sync. */
    @AfterAll
    static void heal() {
        cluster.start(TIMEOUT);
    }

    @Test
    @Order(1)
    void threeNodesRunAndOneLeadsTheQuorum() {
        List<ClusterStatus.Node> nodes = ClusterStatus.of(cluster);

        assertThat(bootstrap.split(",")).hasSize(3).allMatch(address -> address.startsWith("127.0.0.1:"));
        assertThat(nodes).extracting(ClusterStatus.Node::nodeId).containsExactly(1, 2, 3);
        assertThat(nodes).allMatch(n -> n.pid().isPresent());
        assertThat(nodes).filteredOn(n -> n.role().equals("quorum leader")).hasSize(1);
        assertThat(cluster.dir().resolve("cluster.json")).exists();
        assertThat(cluster.nodeDir(2).resolve("data").resolve("meta.properties")).exists();
    }

    @Test
    @Order(2)
    void theProjectsTopicsHaveThreeReplicasAndNeedTwoInSync() throws Exception {
        try (Admin admin = Admin.create(ClientSettings.of(bootstrap).admin("cluster-it"))) {
            TopicSetup.ensure(admin, topics, 6);
            // Any node may answer, and a node learns of a new topic a moment after the controller: it may
            // say "unknown topic" first.
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
                TopicDescription chunks = admin.describeTopics(List.of(topics.chunks())).allTopicNames()
                        .get(30, TimeUnit.SECONDS).get(topics.chunks());
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topics.chunks());
                Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);

                assertThat(chunks.partitions()).hasSize(6).allMatch(p -> p.replicas().size() == 3);
                assertThat(config.get("min.insync.replicas").value()).isEqualTo("2");
            });
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(ClusterStatus.of(cluster).stream().mapToInt(ClusterStatus.Node::ledCount).sum()).isGreaterThan(6));
    }

    @Test
    @Order(3)
    void killingThePartitionLeaderMidStreamLosesNothing() throws Exception {
        String topic = topics.partials();
        int leader = ClusterStatus.leaderOf(cluster, topic, 0).orElseThrow();
        ClientSettings client = ClientSettings.of(bootstrap);
        int sent = 2_000;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(client.producer("cluster-it-producer"))) {
            for (int i = 0; i < sent; i++) {
                if (i == sent / 2) {
                    producer.flush();
                    cluster.killNode(leader);
                }
                producer.send(new ProducerRecord<>(topic, 0, null, Integer.toString(i).getBytes()));
            }
            producer.flush();
        }

        int newLeader = ClusterStatus.leaderOf(cluster, topic, 0).orElseThrow();
        assertThat(newLeader).isNotEqualTo(leader);
        assertThat(ClusterStatus.of(cluster)).filteredOn(n -> n.role().equals("quorum leader")).hasSize(1);
        assertThat(readAll(client, topic)).containsExactlyElementsOf(numbers(sent));
    }

    @Test
    @Order(4)
    void aNodeStartedAloneRejoinsAndCatchesUp() {
        ClusterStatus.Node down = ClusterStatus.of(cluster).stream().filter(n -> n.pid().isEmpty()).findFirst()
                .orElseGet(() -> ClusterStatus.of(cluster).get(1));
        cluster.stopNode(down.nodeId(), Duration.ofSeconds(30));
        assertThat(cluster.nodeProcess(down.nodeId())).isEmpty();

        cluster.startNode(down.nodeId(), TIMEOUT);

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(ClusterStatus.of(cluster))
                .allMatch(n -> n.pid().isPresent() && n.underReplicated() == 0));
    }

    private static List<String> readAll(ClientSettings client, String topic) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(client.reader("cluster-it-reader"))) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(new String(r.value()));
                }
            }
        }
        return values;
    }

    private static List<String> numbers(int count) {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            all.add(Integer.toString(i));
        }
        return all;
    }
}
