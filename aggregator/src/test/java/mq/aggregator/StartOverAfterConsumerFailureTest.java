package mq.aggregator;

import static mq.aggregator.NumbersJobMessages.JOBS;
import static mq.aggregator.NumbersJobMessages.PARTIALS;
import static mq.aggregator.NumbersJobMessages.assign;
import static mq.aggregator.NumbersJobMessages.ended;
import static mq.aggregator.NumbersJobMessages.message;
import static mq.aggregator.NumbersJobMessages.partial;
import static mq.aggregator.NumbersJobMessages.started;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.List;
import mq.common.protocol.JobReport;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An aggregator whose consumer throws what it has no retry for does not exit: it forgets the jobs
 * in flight, joins again with a new consumer, reads their messages again from the committed
 * offsets, and reports each job once, exact, with no chunk counted twice.
 */
class StartOverAfterConsumerFailureTest {
    @Test
    void aFailedConsumerIsReplacedAndTheJobInFlightIsReadAgainAndReportedOnce(@TempDir Path dir) throws Exception {
        // Given a consumer that delivers the job's start and first chunk, then fails,
        MockConsumer<byte[], byte[]> broken = new MockConsumer<>("earliest");
        broken.schedulePollTask(() -> {
            assign(broken);
            broken.addRecord(message(JOBS, 0, started()));
            broken.addRecord(message(PARTIALS, 0, partial(0)));
        });
        broken.schedulePollTask(() -> {
            throw new IllegalStateException("Cannot set a new position without a valid current position");
        });
        // and a new consumer that reads the same messages again and the rest of the job
        MockConsumer<byte[], byte[]> fresh = new MockConsumer<>("earliest");
        fresh.schedulePollTask(() -> {
            assign(fresh);
            fresh.addRecord(message(JOBS, 0, started()));
            fresh.addRecord(message(PARTIALS, 0, partial(0)));
            fresh.addRecord(message(PARTIALS, 1, partial(1)));
            fresh.addRecord(message(JOBS, 1, ended()));
        });
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        AggregatorOnMocks mocked = new AggregatorOnMocks(List.of(broken, fresh),
                new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()), dir, meters);

        // When it runs
        Thread loop = mocked.runUntilReported();

        // Then the job is reported once, exact and verified, with no duplicate, and the restart is counted
        assertThat(mocked.reports).hasSize(1);
        JobReport report = mocked.reports.get(0);
        assertThat(report.status()).isEqualTo(JobReport.SUCCEEDED);
        assertThat(report.verified()).isTrue();
        assertThat(report.count()).isEqualTo(7);
        assertThat(report.sum()).isEqualByComparingTo("28");
        assertThat(report.duplicatesIgnored()).isZero();
        assertThat(broken.closed()).isTrue();
        assertThat(meters.get("mq.aggregator.consumer.restarts").counter().count()).isEqualTo(1.0);
        assertThat(loop.isAlive()).isFalse();
    }
}
