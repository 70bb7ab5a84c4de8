package mq.cli.protocol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mq.common.kafka.ClientSettings;
import mq.common.protocol.JobReport;
import mq.common.protocol.Json;
import mq.common.protocol.MalformedMessageException;
import mq.common.protocol.ResultMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Everything a topic holds now, read from the beginning: what an outsider sees. */
final class TopicContents {
    private TopicContents() {
    }

    static List<ConsumerRecord<byte[], byte[]>> all(ClientSettings client, String topic) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(client.reader("it-reader"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    // Never a partial read passed off as everything: a "has one final" check would pass on it.
                    throw new IllegalStateException("could not read " + topic + " to its end " + end + " within 30 s");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The final reports of {@code job} on the results topic, in order. */
    static List<JobReport> finals(ClientSettings client, String resultsTopic, String job) {
        List<JobReport> finals = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : all(client, resultsTopic)) {
            try {
                if (Json.decode(record.value(), ResultMessage.class) instanceof ResultMessage.Final done
                        && job.equals(done.job())) {
                    finals.add(done.report());
                }
            } catch (MalformedMessageException e) {
                // only the aggregator writes here
            }
        }
        return finals;
    }
}
