package mq.lab.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import java.util.concurrent.TimeUnit;

/**
 * Recursive halving on a ForkJoinPool of the given parallelism. Splits into a few more
 * leaves than threads so that work stealing can even out slow threads.
 */
public final class ForkJoin implements SumStrategy {

    /** Below this, splitting costs more than it saves. */
    static final int MIN_LEAF = 8_192;
    /** Leaves per thread: enough for stealing to balance, few enough to keep overhead small. */
    static final int LEAVES_PER_THREAD = 4;

    @Override
    public String name() {
        return "forkjoin";
    }

    @Override
    public String description() {
        return "recursive ForkJoin task on a pool of the given parallelism";
    }

    @Override
    public Session open(int threads) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        return new Session() {
            @Override
            public Total sum(Workload workload) {
                int leaf = Math.max(MIN_LEAF, workload.size() / (threads * LEAVES_PER_THREAD) + 1);
                return pool.invoke(new SumTask(workload, 0, workload.size(), leaf));
            }

            @Override
            public void close() throws InterruptedException {
                pool.shutdown();
                pool.awaitTermination(1, TimeUnit.MINUTES);
            }
        };
    }

    static final class SumTask extends RecursiveTask<Total> {
        private final transient Workload workload;
        private final int from;
        private final int to;
        private final int leaf;

        SumTask(Workload workload, int from, int to, int leaf) {
            this.workload = workload;
            this.from = from;
            this.to = to;
            this.leaf = leaf;
        }

        @Override
        protected Total compute() {
            if (to - from <= leaf) {
                return workload.sum(from, to);
            }
            int middle = (from + to) >>> 1;
            SumTask left = new SumTask(workload, from, middle, leaf);
            left.fork();
            Total right = new SumTask(workload, middle, to, leaf).compute();
            return left.join().plus(right);
        }
    }
}
