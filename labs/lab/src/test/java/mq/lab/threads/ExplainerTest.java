package mq.lab.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mq.lab.kernels.NumberType;
import mq.lab.kernels.SumStrategy;
import org.junit.jupiter.api.Test;

class ExplainerTest {

    private static final int SIZE = 1_000_000;
    private static final double SEQUENTIAL_MS = 1.0;

    @Test
    void findsTheFastestStrategyAndWhereTheCoresRunOut() {
        SweepResult result = sweep(2, 10, List.of(
                cell("threads", 1, 1.2), cell("threads", 2, 0.6), cell("threads", 4, 0.62), cell("threads", 8, 0.7),
                cell("pool", 1, 1.0), cell("pool", 2, 0.52), cell("pool", 4, 0.52), cell("pool", 8, 0.55)), 10);

        String text = String.join("\n", Explainer.explain(result, SerialFractions.of(result)));

        assertThat(text).contains("This JVM can use 2 cores", "10.0 GB/s",
                "1,000,000 numbers: fastest is pool with 2 threads, 1.92x faster than the sequential loop (1.000 ms)",
                "With 'threads', the speedup stops growing at 2 threads (1.67x) and is 1.43x with 8 threads",
                "where the 2 cores run out",
                "Starting 8 new threads for every sum costs about 0.150 ms (19 µs per thread)",
                "Amdahl's law fitted to 'pool' (the 2 thread counts up to the 2 cores) gives a serial fraction of 4.0%",
                "no number of cores would take it past 25.0x",
                "Every one of the 9 cells summed to exactly the right total");
    }

    @Test
    void blamesMemoryWhenTheBestRunNearlySaturatesIt() {
        // 8 MB in 0.5 ms is 16 GB/s, 80% of a 20 GB/s bus.
        SweepResult result = sweep(8, 20, List.of(cell("threads", 1, 1.0), cell("threads", 2, 0.5),
                cell("threads", 4, 0.5)), 10);

        String text = String.join("\n", Explainer.explain(result, SerialFractions.of(result)));

        assertThat(text).contains("reads 80% of the memory bandwidth, so memory, not the cores, is the limit");
    }

    @Test
    void namesBothLimitsWhenCoresRunOutAtFullBandwidth() {
        // 8 MB in 0.55 ms is 14.5 GB/s, 91% of a 16 GB/s bus, with a 1 GB bandwidth pass: not from the caches.
        SweepResult result = sweep(2, 16, List.of(cell("threads", 1, 1.0), cell("threads", 2, 0.55),
                cell("threads", 4, 0.55)), 10, 1L << 30);

        String text = String.join("\n", Explainer.explain(result, SerialFractions.of(result)));

        assertThat(text).contains("Two limits meet there: the 2 cores run out", "reads 91% of the memory bandwidth",
                "Amdahl's law only counts cores");
    }

    @Test
    void comparesVirtualWithPlatformThreadStartUp() {
        SweepResult result = sweep(2, 10, List.of(cell("threads", 24, 4.0), cell("pool", 24, 0.6),
                cell("virtual", 24, 1.0)), 10);

        assertThat(Explainer.startUp(result, SIZE)).hasValueSatisfying(text -> assertThat(text).contains(
                "about 3.400 ms (142 µs per thread)", "24 new virtual threads per sum take 1.000 ms: "
                        + "4.0x cheaper to start than platform threads"));
    }

    @Test
    void aLargeArrayIsNeverSaidToStayInTheCache() {
        // 80 MB at 1.5 times a disturbed 256 MB bandwidth pass: noise, not the cache.
        SweepResult result = sweep(2, 10, List.of(), 10);
        Measurement large = new Measurement("long", 10_000_000, "pool", 2, 10, 5.3, 5, 6, 5, 6, 0.1, 10, 1.9, 0.95,
                15, 1.5, 1, 0, true);
        Measurement small = new Measurement("long", 1_000_000, "pool", 2, 10, 0.5, 0.5, 0.5, 0.5, 0.5, 0, 1, 2, 1,
                16, 1.6, 1, 0, true);

        assertThat(Explainer.inCache(result, large)).isFalse();
        assertThat(Explainer.inCache(result, small)).isTrue();
    }

    @Test
    void saysWhenThreadsNeverPaidOff() {
        SweepResult result = sweep(2, 10, List.of(cell("threads", 1, 3.0), cell("threads", 2, 2.0),
                cell("pool", 1, 1.5), cell("pool", 2, 1.2)), 10);

        String text = String.join("\n", Explainer.explain(result, SerialFractions.of(result)));

        assertThat(text).contains("fastest is the sequential loop itself", "Splitting never paid off",
                "Amdahl's law has nothing to fit");
    }

    @Test
    void flagsWrongSumsAndNoise() {
        List<Measurement> cells = new ArrayList<>(List.of(cell("threads", 1, 1.0)));
        cells.add(new Measurement("long", SIZE, "pool", 2, 10, 0.6, 0.5, 0.9, 0.5, 0.8, 0.5, 1.0, 1.67, 0.83, 13,
                1.3, 42, 0.1, false));

        String text = String.join("\n", Explainer.explain(sweep(2, 10, cells, 10), List.of()));

        assertThat(text).contains("WRONG: 1 of 3 cells", "pool with 2 threads", "1 of 3 cells are noisy")
                .doesNotContain("baseline itself is noisy");
    }

    @Test
    void warnsWhenTheBaselineItselfIsNoisy() {
        SweepResult clean = sweep(2, 10, List.of(cell("threads", 2, 0.6)), 10);
        List<Measurement> cells = new ArrayList<>(clean.measurements());
        Measurement s = cells.get(0);
        cells.set(0, new Measurement(s.type(), s.size(), s.strategy(), s.threads(), s.runs(), s.medianMs(), s.minMs(),
                s.maxMs(), s.q1Ms(), s.q3Ms(), 0.5, s.baselineMs(), s.speedup(), s.efficiency(), s.gigabytesPerSecond(),
                s.bandwidthShare(), s.result(), s.relativeError(), s.correct()));
        SweepResult noisy = new SweepResult(clean.config(), 2, "17", clean.bandwidth(), cells, List.of());

        assertThat(Explainer.noise(noisy)).hasValueSatisfying(text -> assertThat(text)
                .contains("1 of 2 cells are noisy", "baseline itself is noisy at 1,000,000 numbers"));
    }

    private static Measurement cell(String strategy, int threads, double medianMs) {
        double speedup = SEQUENTIAL_MS / medianMs;
        double gigabytesPerSecond = 8.0 * SIZE / (medianMs * 1e6);
        return new Measurement("long", SIZE, strategy, threads, 10, medianMs, medianMs, medianMs, medianMs, medianMs,
                0, SEQUENTIAL_MS, speedup, speedup / threads, gigabytesPerSecond, Double.NaN, 1, 0, true);
    }

    /** A sweep at one size with the sequential baseline first; bandwidth shares follow from {@code gbps}. */
    private static SweepResult sweep(int cores, double gbps, List<Measurement> cells, int runs) {
        return sweep(cores, gbps, cells, runs, 256L << 20);
    }

    private static SweepResult sweep(int cores, double gbps, List<Measurement> cells, int runs, long bandwidthBytes) {
        List<Measurement> all = new ArrayList<>();
        all.add(cell("sequential", 1, SEQUENTIAL_MS));
        for (Measurement m : cells) {
            all.add(new Measurement(m.type(), m.size(), m.strategy(), m.threads(), m.runs(), m.medianMs(), m.minMs(),
                    m.maxMs(), m.q1Ms(), m.q3Ms(), m.spread(), m.baselineMs(), m.speedup(), m.efficiency(),
                    m.gigabytesPerSecond(),
                    m.gigabytesPerSecond() / gbps, m.result(), m.relativeError(), m.correct()));
        }
        ThreadsConfig config = new ThreadsConfig(List.of(SIZE), List.of(1, 2, 4, 8), SumStrategy.all(), runs, 0,
                NumberType.LONG, false, 256, 1, Path.of("unused"), false);
        return new SweepResult(config, cores, "17", new Bandwidth(gbps, bandwidthBytes, cores), all, List.of());
    }
}
