package mq.lab.scale;

import mq.worker.GroupType;

/** One combination of the sweep's settings. */
public record ScalePoint(GroupType group, int workers, int threads, int chunkSize, int workMicros) {

    /** Identifies the line a point belongs to on the throughput-vs-workers charts. */
    public String series() {
        return group.optionName() + ", " + threads + (threads == 1 ? " thread" : " threads")
                + ", chunk " + chunkSize + ", work " + workMicros + " µs";
    }

    /** The same point with another worker count: the neighbours on a throughput line. */
    public ScalePoint withWorkers(int newWorkers) {
        return new ScalePoint(group, newWorkers, threads, chunkSize, workMicros);
    }

    public String folderName() {
        return group.optionName() + "-w" + workers + "-t" + threads + "-c" + chunkSize + "-u" + workMicros;
    }
}
