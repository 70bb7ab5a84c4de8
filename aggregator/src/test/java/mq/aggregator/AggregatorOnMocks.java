package mq.aggregator;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mq.common.kafka.ClientFactory;
import mq.common.protocol.JobReport;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;

/** An aggregator of owner "lab" on Kafka's mock clients: it opens the given consumers in turn, one per start-over. */
final class AggregatorOnMocks {
    final Aggregator aggregator;
    final List<JobReport> reports = new CopyOnWriteArrayList<>();

    AggregatorOnMocks(List<MockConsumer<byte[], byte[]>> consumers, MockProducer<byte[], byte[]> producer, Path dir,
                      MeterRegistry meters) {
        List<MockConsumer<byte[], byte[]>> toOpen = new ArrayList<>(consumers);
        this.aggregator = new Aggregator(new ClientFactory<Consumer<byte[], byte[]>>() {
            @Override
            public Consumer<byte[], byte[]> open() {
                return toOpen.remove(0);
            }
        }, producer, NumbersJobMessages.TOPICS, dir.resolve("reports"), Duration.ofMinutes(1), meters)
                .owner(NumbersJobMessages.OWNER).observe(AggregatorObserver.reports(reports::add));
    }

    /** Runs the loop on a thread of its own until the first report, then closes it; returns that thread, ended. */
    Thread runUntilReported() throws InterruptedException {
        Thread loop = new Thread(aggregator, "aggregator");
        loop.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> !reports.isEmpty());
        aggregator.close(Duration.ofSeconds(10));
        loop.join(Duration.ofSeconds(10).toMillis());
        return loop;
    }
}
