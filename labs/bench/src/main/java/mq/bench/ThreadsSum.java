package mq.bench;

import java.util.concurrent.TimeUnit;
import mq.lab.kernels.NumberType;
import mq.lab.kernels.SumStrategy;
import mq.lab.kernels.Total;
import mq.lab.kernels.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code mq threads} sweep under JMH: the same workloads, kernels and strategies, with
 * JMH's forking, warm-up and dead-code protection instead of the lab's own loop. Use it to
 * check that the lab's quick medians are not an artefact of its harness.
 *
 * <p>How to run (after {@code mvn -B package -DskipTests}):
 * <pre>
 * java -jar labs/bench/target/benchmarks.jar ThreadsSum -p size=1000000
 * java -jar labs/bench/target/benchmarks.jar ThreadsSum -p size=10000000 -p strategy=pool,forkjoin -p threads=1,2,4
 * java -jar labs/bench/target/benchmarks.jar ThreadsSum -p type=double -p strategy=sequential -p threads=1
 * </pre>
 * {@code strategy=virtual} needs Java 21 or newer. {@code sequential} ignores {@code threads},
 * so narrow it with {@code -p threads=1} when benchmarking it alone. Add
 * {@code -wi 1 -i 1 -f 1 -r 1s -w 1s} for a quick smoke run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ThreadsSum {

    @Param("1000000")
    int size;

    @Param({"1", "2", "4", "8", "16", "24"})
    int threads;

    @Param({"sequential", "threads", "pool", "forkjoin", "parallel-stream"})
    String strategy;

    /** long, double, or compensated (doubles with the Neumaier kernel). */
    @Param("long")
    String type;

    private Workload workload;
    private SumStrategy.Session session;

    @Setup(Level.Trial)
    public void setUp() {
        SumStrategy chosen = SumStrategy.named(strategy).orElseThrow(() -> new IllegalArgumentException(
                "unknown strategy '" + strategy + "': use one of " + SumStrategy.names()));
        chosen.unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        workload = switch (type) {
            case "long" -> Workload.random(NumberType.LONG, false, size, 42);
            case "double" -> Workload.random(NumberType.DOUBLE, false, size, 42);
            case "compensated" -> Workload.random(NumberType.DOUBLE, true, size, 42);
            default -> throw new IllegalArgumentException("unknown type '" + type + "': use long, double or compensated");
        };
        session = chosen.open(threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        session.close();
    }

    /** Returning the total keeps JMH from discarding the sum as dead code. */
    @Benchmark
    public Total sum() throws InterruptedException {
        return session.sum(workload);
    }
}
