package mq.lab.kernels;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Combining the per-slice results, shared by the strategies that hand slices to threads. */
final class Partials {

    private Partials() {
    }

    static Total combine(Workload workload, Total[] partials) {
        Total total = workload.zero();
        for (Total partial : partials) {
            total = total.plus(partial);
        }
        return total;
    }

    static Total combine(Workload workload, List<Future<Total>> futures) throws InterruptedException {
        Total total = workload.zero();
        for (Future<Total> future : futures) {
            total = total.plus(get(future));
        }
        return total;
    }

    static <T> T get(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a slice failed to sum", e.getCause());
        }
    }
}
