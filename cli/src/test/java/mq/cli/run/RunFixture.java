package mq.cli.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mq.common.kafka.ClientSettings;
import mq.common.protocol.JobReport;
import mq.common.protocol.RecordSpec;
import mq.common.protocol.Topics;
import mq.launcher.LocalRun;
import mq.producer.JobPublisher;
import mq.producer.input.InputFormat;
import mq.testing.TestBroker;
import mq.worker.GroupType;

/** Runs whole jobs the way {@code ./mq run} does, on the test broker, with topics of the test's own. */
final class RunFixture {
    static final int PARTITIONS = 6;

    final int partitions;
    final String prefix = TestBroker.uniqueName("it") + ".";
    final Topics topics = Topics.withPrefix(prefix);
    final ClientSettings client = ClientSettings.of(TestBroker.bootstrap());

    RunFixture() {
        this(PARTITIONS);
    }

    RunFixture(int partitions) {
        this.partitions = partitions;
    }

    LocalRun localRun(int workers, int threads, int workMicros, String heap) {
        return localRun(workers, threads, workMicros, GroupType.CONSUMER, heap);
    }

    LocalRun localRun(int workers, int threads, int workMicros, GroupType groupType, String heap) {
        return localRun(new LocalRun.Settings(workers, threads, workMicros, groupType, heap, Duration.ofMinutes(3), false));
    }

    LocalRun localRun(LocalRun.Settings settings) {
        List<String> kafkaArguments = List.of("--bootstrap", client.bootstrap(), "--topic-prefix", prefix,
                "--chunk-partitions", Integer.toString(partitions));
        return new LocalRun(client, kafkaArguments, topics, partitions, settings);
    }

    static JobPublisher.Request request(String job, Path input, InputFormat format, int rows, boolean skipBad,
                                        Path outDir, String... sumFields) {
        return new JobPublisher.Request(job, input, format, new RecordSpec("id", "updated_at", List.of(sumFields)),
                rows, skipBad, outDir.toAbsolutePath().toString());
    }

    JobReport run(int workers, JobPublisher.Request request, Path outDir) throws Exception {
        try (LocalRun run = localRun(workers, 1, 0, "256m")) {
            return run.execute(request, outDir);
        }
    }

    /** The same, with the aggregator's {@code --state-heap-budget}. */
    JobReport run(int workers, JobPublisher.Request request, Path outDir, String stateHeapBudget) throws Exception {
        LocalRun.Settings settings = new LocalRun.Settings(workers, 1, 0, GroupType.CONSUMER, "256m", Duration.ofMinutes(3), false)
                .withStateHeapBudget(stateHeapBudget);
        try (LocalRun run = localRun(settings)) {
            return run.execute(request, outDir);
        }
    }
}
