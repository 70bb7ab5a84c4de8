package mq.lab.kernels;

/** One plain loop on the calling thread: the baseline every speedup is measured against. */
public final class Sequential implements SumStrategy {

    @Override
    public String name() {
        return "sequential";
    }

    @Override
    public String description() {
        return "one plain loop on the calling thread (the baseline)";
    }

    @Override
    public boolean usesThreads() {
        return false;
    }

    @Override
    public Session open(int threads) {
        return workload -> workload.sum(0, workload.size());
    }
}
