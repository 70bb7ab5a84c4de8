package mq.aggregator.state;

/**
 * The heap the aggregator's in-heap latest versions may take, shared by every job in flight, in
 * {@link EntrySize}'s estimated bytes. Used from the aggregator's one thread only.
 */
final class HeapBudget {
    private final long limitBytes;
    private long usedBytes;

    HeapBudget(long limitBytes) {
        if (limitBytes < 0) {
            throw new IllegalArgumentException("a heap budget cannot be negative: " + limitBytes);
        }
        this.limitBytes = limitBytes;
    }

    long limitBytes() {
        return limitBytes;
    }

    void take(long bytes) {
        usedBytes += bytes;
    }

    void giveBack(long bytes) {
        usedBytes -= bytes;
    }

    boolean exceeded() {
        return usedBytes > limitBytes;
    }
}
