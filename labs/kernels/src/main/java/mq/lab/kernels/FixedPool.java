package mq.lab.kernels;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The same slices as {@link PlatformThreads}, on a fixed pool created once per cell: no start-up per sum. */
public final class FixedPool implements SumStrategy {

    @Override
    public String name() {
        return "pool";
    }

    @Override
    public String description() {
        return "fixed thread pool created once, one slice per thread, futures";
    }

    @Override
    public Session open(int threads) {
        AtomicInteger counter = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sum-pool-" + counter.getAndIncrement());
            t.setDaemon(true); // a lab run must never hang on exit because a pool was left open
            return t;
        });
        return new Session() {
            @Override
            public Total sum(Workload workload) throws InterruptedException {
                List<Future<Total>> futures = new ArrayList<>(threads);
                for (int i = 0; i < threads; i++) {
                    Slices.Slice slice = Slices.of(workload.size(), threads, i);
                    futures.add(pool.submit(() -> workload.sum(slice.from(), slice.to())));
                }
                return Partials.combine(workload, futures);
            }

            @Override
            public void close() throws InterruptedException {
                pool.shutdown();
                pool.awaitTermination(1, TimeUnit.MINUTES);
            }
        };
    }
}
