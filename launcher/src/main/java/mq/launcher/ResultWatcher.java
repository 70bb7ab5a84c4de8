package mq.launcher;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import mq.common.kafka.ClientSettings;
import mq.common.protocol.JobReport;
import mq.common.protocol.Json;
import mq.common.protocol.MalformedMessageException;
import mq.common.protocol.ResultMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads the results topic from "now" on, waiting for one job's final report. Open it before
 * producing, so that even a job that fails at once cannot slip past.
 */
public final class ResultWatcher implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;

    public ResultWatcher(ClientSettings settings, String resultsTopic) {
        consumer = new KafkaConsumer<>(settings.reader("result-watcher"));
        List<TopicPartition> partitions = consumer.partitionsFor(resultsTopic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve "the end" now, not at the first poll
    }

    /**
     * @param onProgress called with each progress message of the job
     * @param check      called between polls; throws to give up (e.g. the aggregator died)
     */
    public JobReport await(String job, Duration timeout, Consumer<ResultMessage.Progress> onProgress, Runnable check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.value() == null) {
                    continue; // a tombstone: no result of anyone's
                }
                ResultMessage message;
                try {
                    message = Json.decode(record.value(), ResultMessage.class);
                } catch (MalformedMessageException e) {
                    continue; // not ours to judge; the aggregator logs what it publishes
                }
                if (message == null || !job.equals(message.job())) {
                    continue;
                }
                if (message instanceof ResultMessage.Final done) {
                    return done.report();
                }
                onProgress.accept((ResultMessage.Progress) message);
            }
            check.run();
        }
        throw new IllegalStateException("no result for job " + job + " within " + timeout.toSeconds() + " s");
    }

    @Override
    public void close() {
        consumer.close();
    }
}
