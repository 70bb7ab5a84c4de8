package mq.cli.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import mq.testing.JavaProcess;
import mq.testing.TestBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A group member killed with SIGKILL (no leave request, no closed connection) is fenced within
 * the broker's session timeout, and what it held goes to the others. Prints the measured times.
 */
class DeadMemberIT {

    /** Session timeout of 10 s plus the broker's periodic checks and our polling, with room for a loaded machine. */
    private static final Duration DETECTION_BOUND = Duration.ofSeconds(40);

    @Test
    void aKilledConsumerLeavesItsGroupWithinTheSessionTimeout() throws Exception {
        String topic = createTopic("dead-consumer");
        String group = TestBroker.uniqueName("dead-consumer");
        try (Admin admin = TestBroker.admin();
             JavaProcess member = JavaProcess.start(GroupMemberMain.class, "consumer", TestBroker.bootstrap(), topic, group)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> member.stdout().contains("assigned"));
            assertThat(consumerGroupSize(admin, group)).isEqualTo(1);

            member.kill();
            long killed = System.nanoTime();

            await().atMost(DETECTION_BOUND).pollInterval(Duration.ofMillis(100))
                    .until(() -> consumerGroupSize(admin, group) == 0);
            System.err.printf("killed consumer-protocol member fenced after %d ms%n", millisSince(killed));
        }
    }

    @Test
    void recordsHeldByAKilledShareConsumerGoToAnotherMember() throws Exception {
        String topic = createTopic("dead-share");
        String group = TestBroker.uniqueName("dead-share");
        startShareGroupAtEarliest(group);
        produce(topic, 5);
        try (Admin admin = TestBroker.admin();
             JavaProcess member = JavaProcess.start(GroupMemberMain.class, "share", TestBroker.bootstrap(), topic, group)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> member.stdout().contains("acquired"));

            member.kill();
            long killed = System.nanoTime();

            await().atMost(DETECTION_BOUND).pollInterval(Duration.ofMillis(100))
                    .until(() -> shareGroupSize(admin, group) == 0);
            System.err.printf("killed share-group member fenced after %d ms%n", millisSince(killed));
            List<String> redelivered = new ArrayList<>();
            try (KafkaShareConsumer<String, String> survivor = shareConsumer(group)) {
                survivor.subscribe(Set.of(topic));
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    for (ConsumerRecord<String, String> r : survivor.poll(Duration.ofMillis(200))) {
                        redelivered.add(r.value());
                        survivor.acknowledge(r, AcknowledgeType.ACCEPT);
                    }
                    return redelivered.size() >= 5;
                });
                survivor.commitSync();
            }
            System.err.printf("records of the killed share-group member delivered again after %d ms%n",
                    millisSince(killed));
            assertThat(redelivered).containsExactlyInAnyOrder("v0", "v1", "v2", "v3", "v4");
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static int consumerGroupSize(Admin admin, String group) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get().members().size();
    }

    private static int shareGroupSize(Admin admin, String group) throws Exception {
        return admin.describeShareGroups(List.of(group)).describedGroups().get(group).get().members().size();
    }

    private static String createTopic(String prefix) throws Exception {
        String topic = TestBroker.uniqueName(prefix);
        try (Admin admin = TestBroker.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        return topic;
    }

    private static void startShareGroupAtEarliest(String group) throws Exception {
        try (Admin admin = TestBroker.admin()) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, group), List.of(
                    new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET))))
                    .all().get();
        }
    }

    private static void produce(String topic, int count) throws Exception {
        Properties props = TestBroker.clientProperties();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "v" + i));
            }
            producer.flush();
        }
    }

    private static KafkaShareConsumer<String, String> shareConsumer(String group) {
        Properties props = TestBroker.clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit");
        return new KafkaShareConsumer<>(props);
    }
}
