package mq.cli.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import mq.common.kafka.TopicSetup;
import mq.common.protocol.Topics;
import mq.testing.TestBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/** The topics every role creates, with the settings the protocol page promises, on a real broker. */
class TopicSetupIT {

    @Test
    void theResultsTopicIsCompactedByJobIdAndTheOthersKeepTheirRetention() throws Exception {
        Topics topics = Topics.withPrefix("setup-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try (Admin admin = TestBroker.admin()) {
            TopicSetup.ensure(admin, topics, 3);
            TopicSetup.ensure(admin, topics, 3); // a second role starting finds them all and changes nothing

            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(
                    topic(topics.results()), topic(topics.chunks()), topic(topics.workers()))).all().get();

            Config results = configs.get(topic(topics.results()));
            assertThat(results.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            assertThat(results.get(TopicConfig.SEGMENT_MS_CONFIG).value()).isEqualTo("3600000");
            assertThat(configs.get(topic(topics.chunks())).get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
            assertThat(configs.get(topic(topics.workers())).get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("3600000");
            assertThat(admin.describeTopics(List.of(topics.chunks())).allTopicNames().get()
                    .get(topics.chunks()).partitions()).hasSize(3);
        }
    }

    private static ConfigResource topic(String name) {
        return new ConfigResource(ConfigResource.Type.TOPIC, name);
    }
}
