package mq.aggregator.job;

/**
 * When one chunk passed each stage, in epoch milliseconds: the raw data of timelines and ledgers.
 * Its lifetime {@code mergedAt - producedAt} splits exactly into queue wait, processing (including
 * waiting for the rest of its poll batch) and delivery of the partial to the aggregator.
 */
public record ChunkTiming(int chunk, String worker, long records, long producedAt, long pickedUpAt, long doneAt,
                          long mergedAt, long busyMicros) {

    public long queueWaitMs() {
        return pickedUpAt - producedAt;
    }

    public long processingMs() {
        return doneAt - pickedUpAt;
    }

    public long deliveryMs() {
        return mergedAt - doneAt;
    }

    public static final String CSV_HEADER = "chunk,worker,records,produced_at,picked_up_at,done_at,merged_at,busy_us";

    public String csvLine() {
        return chunk + "," + worker + "," + records + "," + producedAt + "," + pickedUpAt + "," + doneAt + ","
                + mergedAt + "," + busyMicros;
    }

    public static ChunkTiming parseCsv(String line) {
        String[] f = line.split(",");
        return new ChunkTiming(Integer.parseInt(f[0]), f[1], Long.parseLong(f[2]), Long.parseLong(f[3]),
                Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), Long.parseLong(f[7]));
    }
}
