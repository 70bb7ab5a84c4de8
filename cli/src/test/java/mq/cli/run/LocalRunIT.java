package mq.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import mq.common.protocol.JobReport;
import mq.generate.GeneratedFile;
import mq.generate.NumbersGenerator;
import mq.generate.NumbersSpec;
import mq.launcher.LocalRun;
import mq.producer.input.InputFormat;
import mq.worker.GroupType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whole jobs with worker and aggregator processes on a real broker, as {@code ./mq run} runs them. */
class LocalRunIT {
    @TempDir
    Path dir;

    private final RunFixture fixture = new RunFixture();

    @ParameterizedTest
    @EnumSource(GroupType.class)
    void aWorkerKilledMidJobLosesNothing(GroupType group) throws Exception {
        // Given 200,000 numbers with decimals, in 400 chunks, and enough work per record that the job lasts seconds
        GeneratedFile numbers = NumbersGenerator.write(dir.resolve("numbers.txt"), NumbersSpec.withDecimals(200_000, 7));
        Path out = dir.resolve("out");
        AtomicBoolean killed = new AtomicBoolean();

        // When one of three workers (a consumer group, or a share group whose chunks come back by redelivery)
        // is killed with SIGKILL once the first partials are merged
        JobReport report;
        try (LocalRun run = fixture.localRun(3, 1, 20, group, "256m")) {
            run.onProgress(progress -> {
                if (progress.mergedChunks() >= 20 && killed.compareAndSet(false, true)) {
                    run.workers().get(0).kill();
                }
            });
            report = run.execute(RunFixture.request("kill-test", numbers.file(), InputFormat.NUMBERS, 500, false, out), out);
        }

        // Then the result is still exact, complete and verified
        assertThat(killed).isTrue();
        assertThat(report.status()).isEqualTo(JobReport.SUCCEEDED);
        assertThat(report.verified()).isTrue();
        assertThat(report.count()).isEqualTo(200_000);
        assertThat(report.sum()).isEqualByComparingTo(numbers.sum());
        assertThat(report.chunks()).isEqualTo(400);
        assertThat(report.perWorker().values().stream().mapToInt(JobReport.WorkerShare::chunks).sum()).isEqualTo(400);
        assertThat(out.resolve("report.json")).exists();
    }

    @Test
    void tenMillionNumbersGoThroughWithSmallHeaps() throws Exception {
        // Given a 10,000,000-number file (about 75 MB)
        GeneratedFile numbers = NumbersGenerator.write(dir.resolve("big.txt"), NumbersSpec.integers(10_000_000, 3));
        Path out = dir.resolve("big-out");

        // When two workers and the aggregator run with 256 MB heaps (and this JVM streams the file)
        JobReport report;
        try (LocalRun run = fixture.localRun(2, 1, 0, "256m")) {
            report = run.execute(RunFixture.request("big", numbers.file(), InputFormat.NUMBERS, 100_000, false, out), out);
        }

        // Then the sum is exact
        assertThat(report.verified()).isTrue();
        assertThat(report.count()).isEqualTo(10_000_000);
        assertThat(report.sum()).isEqualByComparingTo(numbers.sum());
        assertThat(Files.size(numbers.file())).isGreaterThan(70_000_000);
    }

    @Test
    void aShareGroupLetsMoreWorkersThanPartitionsShareAJob() throws Exception {
        // Given a chunk topic of 2 partitions and 3 workers in a share group
        GeneratedFile numbers = NumbersGenerator.write(dir.resolve("numbers.txt"), NumbersSpec.withDecimals(60_000, 5));
        Path out = dir.resolve("share-out");
        RunFixture twoPartitions = new RunFixture(2);

        // When the job runs
        JobReport report;
        try (LocalRun run = twoPartitions.localRun(3, 1, 60, GroupType.SHARE, "256m")) {
            report = run.execute(RunFixture.request("share", numbers.file(), InputFormat.NUMBERS, 500, false, out), out);
        }

        // Then it is exact, and more than two workers did part of it
        assertThat(report.verified()).isTrue();
        assertThat(report.sum()).isEqualByComparingTo(numbers.sum());
        assertThat(report.perWorker()).hasSizeGreaterThan(2);
    }
}
