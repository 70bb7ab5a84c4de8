package mq.cli.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import mq.broker.BrokerState;
import mq.broker.LocalBroker;
import mq.testing.TestBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The life of one broker directory: start, reuse, use, stop, restart with the data kept. Ordered,
 * because each broker start costs seconds; every test still checks one behaviour.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalBrokerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    static Path dir;

    static LocalBroker broker;
    static String bootstrap;
    static String topic = TestBroker.uniqueName("lifecycle");

    @BeforeAll
    static void start() {
        broker = LocalBroker.in(dir).stoppingWith(ProcessHandle.current());
        long started = System.nanoTime();
        bootstrap = broker.ensureRunning(TIMEOUT);
        System.err.printf("fresh broker ready after %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    @AfterAll
    static void stop() {
        broker.stop(Duration.ofSeconds(30));
    }

    @Test
    @Order(1)
    void answersOnALoopbackPortAndRecordsItsState() {
        assertThat(bootstrap).startsWith("127.0.0.1:");
        assertThat(broker.bootstrapIfRunning()).contains(bootstrap);
        BrokerState state = broker.state().orElseThrow();
        assertThat(state.bootstrap()).isEqualTo(bootstrap);
        assertThat(ProcessHandle.of(state.pid())).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
        assertThat(dir.resolve("server.properties")).exists();
        assertThat(dir.resolve("data").resolve("meta.properties")).exists();
    }

    @Test
    @Order(2)
    void aSecondEnsureRunningReusesTheRunningBroker() {
        long pid = broker.state().orElseThrow().pid();

        String again = LocalBroker.in(dir).ensureRunning(TIMEOUT);

        assertThat(again).isEqualTo(bootstrap);
        assertThat(broker.state().orElseThrow().pid()).isEqualTo(pid);
    }

    @Test
    @Order(3)
    void carriesARecordFromProducerToConsumer() throws Exception {
        createTopic(topic);

        produce(topic, "k", "hello");

        assertThat(consumeAll(topic, 1)).containsExactly("k=hello");
    }

    @Test
    @Order(4)
    void stopEndsTheProcessAndForgetsIt() {
        long pid = broker.state().orElseThrow().pid();

        assertThat(broker.stop(Duration.ofSeconds(30))).isTrue();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(java.util.Optional.of(true));
        assertThat(broker.state()).isEmpty();
        assertThat(broker.bootstrapIfRunning()).isEmpty();
        assertThat(dir.resolve("broker.json")).doesNotExist();
        assertThat(broker.stop(Duration.ofSeconds(1))).isFalse();
    }

    @Test
    @Order(5)
    void aRestartKeepsPortsClusterAndRecords() throws Exception {
        String clusterBefore = Files.readString(dir.resolve("data").resolve("meta.properties"));
        long started = System.nanoTime();

        String restarted = broker.ensureRunning(TIMEOUT);

        System.err.printf("restarted broker ready after %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(restarted).isEqualTo(bootstrap);
        assertThat(Files.readString(dir.resolve("data").resolve("meta.properties"))).isEqualTo(clusterBefore);
        assertThat(consumeAll(topic, 1)).containsExactly("k=hello");
    }

    @Test
    @Order(6)
    void reportsTheSizeOfItsData() {
        assertThat(broker.dataSize()).isPositive();
    }

    @Test
    @Order(7)
    void aRestartWhosePortWasTakenMovesAndSaysSo() throws Exception {
        broker.stop(Duration.ofSeconds(30));
        int oldPort = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        String moved;
        try (ServerSocket squatter = new ServerSocket(oldPort, 1, InetAddress.getLoopbackAddress())) {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                moved = broker.ensureRunning(TIMEOUT);
            } finally {
                System.setErr(originalErr);
            }
        }

        assertThat(moved).isNotEqualTo(bootstrap);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("previous port " + oldPort + " is taken").contains("restart clients that were given");
        bootstrap = moved;
        assertThat(consumeAll(topic, 1)).containsExactly("k=hello");
    }

    // ---- helpers

    private static Properties props() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return props;
    }

    private static void createTopic(String name) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(props())) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get();
        }
    }

    private static void produce(String topicName, String key, String value) throws Exception {
        Properties props = props();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(topicName, key, value)).get();
        }
    }

    private static List<String> consumeAll(String topicName, int expected) {
        Properties props = props();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, TestBroker.uniqueName("reader"));
        props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(Set.of(topicName));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r.key() + "=" + r.value());
                }
                return seen.size() >= expected;
            });
        }
        return seen;
    }
}
