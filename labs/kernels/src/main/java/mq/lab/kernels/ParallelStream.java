package mq.lab.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;

/**
 * What a Java developer would write: {@code Arrays.stream(a).parallel().sum()}. A parallel
 * stream runs in the ForkJoinPool of the thread that starts it, so starting it from inside
 * a pool of the given parallelism makes it honour the thread count instead of the common pool's.
 */
public final class ParallelStream implements SumStrategy {

    @Override
    public String name() {
        return "parallel-stream";
    }

    @Override
    public String description() {
        return "Arrays.stream(a).parallel().sum() inside a ForkJoinPool of the given parallelism";
    }

    @Override
    public Session open(int threads) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        return new Session() {
            @Override
            public Total sum(Workload workload) throws InterruptedException {
                return Partials.get(pool.submit(workload::parallelStreamSum));
            }

            @Override
            public void close() throws InterruptedException {
                pool.shutdown();
                pool.awaitTermination(1, TimeUnit.MINUTES);
            }
        };
    }
}
