package mq.cli.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;
import mq.broker.LocalBroker;
import mq.testing.TestBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.consumer.ShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Share groups (KIP-932, queues for Kafka) work on the broker LocalBroker starts. */
class ShareGroupIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void theShareVersionFeatureIsFinalized() throws Exception {
        try (Admin admin = TestBroker.admin()) {
            Map<String, FinalizedVersionRange> features =
                    admin.describeFeatures().featureMetadata().get().finalizedFeatures();

            assertThat(features).containsKey("share.version");
            assertThat(features.get("share.version").maxVersionLevel()).isGreaterThanOrEqualTo((short) 1);
        }
    }

    @Test
    void aShareConsumerReceivesEveryRecord() throws Exception {
        String topic = createTopic("share-all");
        String group = shareGroupFromEarliest("share-all");
        produce(topic, 20);

        List<String> seen = new ArrayList<>();
        try (ShareConsumer<String, String> consumer = shareConsumer(group, 500)) {
            consumer.subscribe(Set.of(topic));
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r.value());
                    consumer.acknowledge(r, AcknowledgeType.ACCEPT);
                }
                return seen.size() >= 20;
            });
            assertThat(consumer.commitSync().values()).allMatch(Optional::isEmpty);
        }

        assertThat(seen).containsExactlyInAnyOrderElementsOf(values(20));
    }

    @Test
    void twoMembersConsumeOnePartitionTogether() throws Exception {
        String topic = createTopic("share-two");
        String group = shareGroupFromEarliest("share-two");
        produce(topic, 20);

        try (ShareConsumer<String, String> first = shareConsumer(group, 5);
             ShareConsumer<String, String> second = shareConsumer(group, 5)) {
            first.subscribe(Set.of(topic));
            second.subscribe(Set.of(topic));
            // The first member holds its records unacknowledged; the second must still get others.
            List<String> firstHolds = pollUntilSome(first);
            List<String> secondGets = pollUntilSome(second);

            assertThat(firstHolds).hasSizeLessThanOrEqualTo(5);
            assertThat(secondGets).doesNotContainAnyElementsOf(firstHolds);
        }
    }

    @Test
    void aReleasedRecordIsDeliveredAgainToAnotherMember() throws Exception {
        String topic = createTopic("share-release");
        String group = shareGroupFromEarliest("share-release");
        produce(topic, 1);

        try (ShareConsumer<String, String> first = shareConsumer(group, 500)) {
            first.subscribe(Set.of(topic));
            ConsumerRecord<String, String> record = pollOne(first);
            assertThat(record.deliveryCount()).contains((short) 1);
            first.acknowledge(record, AcknowledgeType.RELEASE);
            first.commitSync();
        }
        try (ShareConsumer<String, String> second = shareConsumer(group, 500)) {
            second.subscribe(Set.of(topic));
            ConsumerRecord<String, String> again = pollOne(second);

            assertThat(again.value()).isEqualTo("v0");
            assertThat(again.deliveryCount()).contains((short) 2);
            second.acknowledge(again, AcknowledgeType.ACCEPT);
            second.commitSync();
        }
    }

    // ---- helpers

    private static String createTopic(String prefix) throws Exception {
        String topic = TestBroker.uniqueName(prefix);
        try (Admin admin = TestBroker.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        return topic;
    }

    /** A new share group starts at the latest offset; ours should see records produced before it joined. */
    private static String shareGroupFromEarliest(String prefix) throws Exception {
        String group = TestBroker.uniqueName(prefix);
        try (Admin admin = TestBroker.admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.GROUP, group);
            AlterConfigOp earliest = new AlterConfigOp(
                    new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(earliest))).all().get();
        }
        return group;
    }

    private static List<String> values(int count) {
        return IntStream.range(0, count).mapToObj(i -> "v" + i).toList();
    }

    private static void produce(String topic, int count) throws Exception {
        Properties props = TestBroker.clientProperties();
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (String value : values(count)) {
                producer.send(new ProducerRecord<>(topic, value));
            }
            producer.flush();
        }
    }

    private static ShareConsumer<String, String> shareConsumer(String group, int maxRecords) {
        Properties props = TestBroker.clientProperties();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        // Each record is acknowledged on its own by the test.
        props.put(ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit");
        // Acquire at most maxRecords per poll, so one member cannot take the whole partition.
        props.put(ConsumerConfig.SHARE_ACQUIRE_MODE_CONFIG, "record_limit");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxRecords);
        return new KafkaShareConsumer<>(props);
    }

    private static List<String> pollUntilSome(ShareConsumer<String, String> consumer) {
        List<String> got = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> got.add(r.value()));
            return !got.isEmpty();
        });
        return got;
    }

    private static ConsumerRecord<String, String> pollOne(ShareConsumer<String, String> consumer) {
        List<ConsumerRecord<String, String>> got = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(got::add);
            return !got.isEmpty();
        });
        assertThat(got).hasSize(1);
        return got.get(0);
    }
}
