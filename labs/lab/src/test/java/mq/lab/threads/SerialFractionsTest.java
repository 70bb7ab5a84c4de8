package mq.lab.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mq.lab.fit.AmdahlFit;
import mq.lab.kernels.NumberType;
import mq.lab.kernels.SumStrategy;
import org.junit.jupiter.api.Test;

class SerialFractionsTest {

    @Test
    void fitsOnlyThreadCountsUpToTheCores() {
        // Amdahl points with s = 0.1 up to 4 cores, then oversubscription collapses the speedup.
        SweepResult result = sweep(4, List.of(1, 2, 4, 8, 16),
                new double[] {1, AmdahlFit.speedup(0.1, 2), AmdahlFit.speedup(0.1, 4), 0.5, 0.2});

        SerialFractions.Fit fit = SerialFractions.fit(result, 1000, "pool").orElseThrow();

        assertThat(fit.points()).isEqualTo(3);
        assertThat(fit.amdahl().serialFraction()).isCloseTo(0.1, within(1e-6));
    }

    @Test
    void needsMoreThanOneThreadWithinTheCores() {
        SweepResult result = sweep(1, List.of(1, 2, 4), new double[] {1, 0.9, 0.8});

        assertThat(SerialFractions.fit(result, 1000, "pool")).isEmpty();
    }

    private static SweepResult sweep(int cores, List<Integer> threads, double[] speedups) {
        List<Measurement> cells = new ArrayList<>();
        cells.add(new Measurement("long", 1000, "sequential", 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 8, 0.5, 0, 0, true));
        for (int i = 0; i < threads.size(); i++) {
            double ms = 1 / speedups[i];
            cells.add(new Measurement("long", 1000, "pool", threads.get(i), 1, ms, ms, ms, ms, ms, 0, 1, speedups[i],
                    speedups[i] / threads.get(i), 8 / ms, 0.5, 0, 0, true));
        }
        ThreadsConfig config = new ThreadsConfig(List.of(1000), threads, SumStrategy.all(), 1, 0, NumberType.LONG,
                false, 0, 1, Path.of("unused"), false);
        return new SweepResult(config, cores, "17", Bandwidth.notMeasured(), cells, List.of());
    }
}
