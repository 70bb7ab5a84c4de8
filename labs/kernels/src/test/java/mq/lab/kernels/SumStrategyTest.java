package mq.lab.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SumStrategyTest {

    /** Sizes that divide evenly, unevenly, are smaller than the thread count, or are empty. */
    private static final int[] SIZES = {0, 1, 5, 24, 1000, 1001, 100_003};
    private static final int[] THREADS = {1, 2, 3, 8, 24};

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (SumStrategy strategy : SumStrategy.all()) {
            for (int size : SIZES) {
                for (int threads : THREADS) {
                    cells.add(Arguments.of(strategy.name(), size, threads));
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} sums {1} longs with {2} threads")
    @MethodSource("cells")
    void sumsLongsExactly(String name, int size, int threads) throws InterruptedException {
        Workload workload = Workload.random(NumberType.LONG, false, size, size);

        Total total = sum(name, threads, workload);

        assertThat(total.exact()).isEqualByComparingTo(workload.exactSum());
    }

    @ParameterizedTest(name = "{0} sums {1} doubles with {2} threads")
    @MethodSource("cells")
    void sumsDoublesWithinRounding(String name, int size, int threads) throws InterruptedException {
        Workload workload = Workload.random(NumberType.DOUBLE, false, size, size);

        Total total = sum(name, threads, workload);

        assertThat(total.relativeError(workload.exactSum())).isLessThanOrEqualTo(workload.allowedRelativeError());
    }

    @ParameterizedTest(name = "{0} sums {1} doubles with {2} threads, compensated")
    @MethodSource("cells")
    void sumsDoublesCompensatedAlmostExactly(String name, int size, int threads) throws InterruptedException {
        Workload workload = Workload.random(NumberType.DOUBLE, true, size, size);

        Total total = sum(name, threads, workload);

        assertThat(total.relativeError(workload.exactSum())).isLessThanOrEqualTo(workload.allowedRelativeError());
    }

    @Test
    void theCompensatedKernelIsCloserThanThePlainLoop() {
        // 1 followed by many values too small to change it one by one: the plain loop drops them all.
        double[] values = new double[10_001];
        values[0] = 1;
        java.util.Arrays.fill(values, 1, values.length, 0x1.0p-53);
        BigDecimal exact = BigDecimal.ONE.add(new BigDecimal(0x1.0p-53).multiply(BigDecimal.valueOf(10_000)));

        double plain = Kernels.sum(values, 0, values.length);
        Total compensated = Kernels.compensatedSum(values, 0, values.length);

        assertThat(plain).isEqualTo(1.0);
        assertThat(compensated.exact()).isEqualByComparingTo(exact);
    }

    @Test
    void everyStrategyHasADistinctName() {
        assertThat(SumStrategy.all()).extracting(SumStrategy::name).doesNotHaveDuplicates()
                .containsExactly("sequential", "threads", "pool", "forkjoin", "parallel-stream", "virtual");
        assertThat(SumStrategy.named("POOL")).containsInstanceOf(FixedPool.class);
        assertThat(SumStrategy.named("nope")).isEmpty();
    }

    @Test
    void virtualThreadsAreAvailableExactlyFromJava21() {
        boolean modern = Runtime.version().feature() >= 21;

        assertThat(new VirtualThreads().unavailableReason().isEmpty()).isEqualTo(modern);
    }

    private static Total sum(String name, int threads, Workload workload) throws InterruptedException {
        SumStrategy strategy = SumStrategy.named(name).orElseThrow();
        assumeThat(strategy.unavailableReason()).as("strategy available on this JVM").isEmpty();
        try (SumStrategy.Session session = strategy.open(threads)) {
            // Twice on the same session: a pool must be reusable across runs.
            session.sum(workload);
            return session.sum(workload);
        }
    }
}
