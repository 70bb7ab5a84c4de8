package mq.cli.protocol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import mq.common.kafka.ClientSettings;
import mq.common.protocol.Json;
import mq.common.protocol.MalformedMessageException;
import mq.common.protocol.ResultMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Everything a topic has held since the test began, read as it comes by one consumer that outlives
 * faults (its client reconnects after a broker restart), so a test can react the moment a job gets
 * somewhere.
 */
final class TopicLog implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();

    TopicLog(ClientSettings client, String topic) {
        consumer = new KafkaConsumer<>(client.reader("it-log"));
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** The first record, read so far or within {@code timeout}, that {@code wanted} accepts. */
    ConsumerRecord<byte[], byte[]> await(Predicate<ConsumerRecord<byte[], byte[]>> wanted, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            Optional<ConsumerRecord<byte[], byte[]>> found = read().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no " + what + " within " + timeout.toSeconds() + " s");
    }

    /** Everything read so far, after one more poll. */
    List<ConsumerRecord<byte[], byte[]>> read() {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        return List.copyOf(records);
    }

    /** The results topic's messages of {@code job} read so far, in order. */
    List<ResultMessage> resultsOf(String job) {
        List<ResultMessage> results = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : read()) {
            ResultMessage message = result(record);
            if (message != null && job.equals(message.job())) {
                results.add(message);
            }
        }
        return results;
    }

    static ResultMessage result(ConsumerRecord<byte[], byte[]> record) {
        try {
            return Json.decode(record.value(), ResultMessage.class);
        } catch (MalformedMessageException e) {
            return null; // only the aggregator writes here; a test's own topic holds nothing else
        }
    }

    static Predicate<ConsumerRecord<byte[], byte[]>> finalOf(String job) {
        return record -> result(record) instanceof ResultMessage.Final done && done.job().equals(job);
    }

    static Predicate<ConsumerRecord<byte[], byte[]>> progressOf(String job, int mergedChunks) {
        return record -> result(record) instanceof ResultMessage.Progress progress && progress.job().equals(job)
                && progress.mergedChunks() >= mergedChunks;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
