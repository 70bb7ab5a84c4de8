package mq.lab.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryTest {
    private static ProgressLog.Sample at(long ms, int chunks, long records) {
        return new ProgressLog.Sample(ms, chunks, records);
    }

    @Test
    void theStallIsTheLongestTimeWithoutAMergeFromTheFaultOn() {
        // merged at 100, 200; the fault at 250; nothing until 4,250; then steady to the end at 4,500
        List<ProgressLog.Sample> samples = List.of(at(100, 1, 10), at(200, 2, 20), at(1_000, 2, 20),
                at(4_250, 3, 30), at(4_400, 4, 40));

        assertThat(Recovery.stallMillis(samples, 250, 4_500)).isEqualTo(4_000);
    }

    @Test
    void pausesBeforeTheFaultDoNotCount() {
        List<ProgressLog.Sample> samples = List.of(at(0, 1, 10), at(9_000, 2, 20), at(9_100, 3, 30));

        assertThat(Recovery.stallMillis(samples, 9_050, 9_150)).isEqualTo(50);
    }

    @Test
    void aJobThatNeverMergesAgainStallsUntilItEnds() {
        List<ProgressLog.Sample> samples = List.of(at(0, 1, 10), at(100, 2, 20));

        assertThat(Recovery.stallMillis(samples, 200, 30_200)).isEqualTo(30_000);
    }

    @Test
    void throughputBinsTheRecordsMergedPerSecond() {
        List<ProgressLog.Sample> samples = List.of(at(1_100, 1, 500), at(1_400, 2, 1_000), at(2_200, 3, 1_500));

        double[][] points = Recovery.throughput(samples, 1_000, 500);

        assertThat(points[0]).containsExactly(0.25, 0.75, 1.25);
        assertThat(points[1]).containsExactly(2_000.0, 0.0, 1_000.0);
    }
}
