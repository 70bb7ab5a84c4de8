package mq.lab.kernels;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The original exercise: for every sum, start one new platform thread per slice, join
 * them all and combine. Creating and starting the threads is part of what it measures.
 */
public final class PlatformThreads implements SumStrategy {

    @Override
    public String name() {
        return "threads";
    }

    @Override
    public String description() {
        return "new platform threads for every sum, one slice each, join, combine";
    }

    @Override
    public Session open(int threads) {
        return workload -> {
            Total[] partials = new Total[threads];
            Thread[] workers = new Thread[threads];
            AtomicReference<Throwable> failure = new AtomicReference<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                Slices.Slice slice = Slices.of(workload.size(), threads, index);
                workers[i] = new Thread(() -> partials[index] = workload.sum(slice.from(), slice.to()),
                        "sum-" + index);
                workers[i].setUncaughtExceptionHandler((t, e) -> failure.compareAndSet(null, e));
                workers[i].start();
            }
            for (Thread worker : workers) {
                worker.join();
            }
            if (failure.get() != null) {
                throw new IllegalStateException("a slice failed to sum", failure.get());
            }
            return Partials.combine(workload, partials);
        };
    }
}
