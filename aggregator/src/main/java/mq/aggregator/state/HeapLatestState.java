package mq.aggregator.state;

import java.io.IOException;
import java.util.Collection;
import java.util.function.Consumer;
import mq.common.protocol.JobReport;
import mq.common.records.LatestRecords;
import mq.common.records.RecordVersion;

/** Every latest version on the heap and nowhere else: no budget, nothing on disk (the reference the spilling state must equal). */
public final class HeapLatestState implements LatestState {
    private final LatestRecords latest = new LatestRecords();

    @Override
    public void addAll(Collection<RecordVersion> versions) {
        latest.addAll(versions);
    }

    @Override
    public long distinctKeys() {
        return latest.distinctKeys();
    }

    @Override
    public void forEach(Consumer<RecordVersion> action) {
        latest.unordered().forEach(action);
    }

    @Override
    public void forEachSortedByKey(VersionSink sink) throws IOException {
        for (RecordVersion version : latest.sortedByKey()) {
            sink.accept(version);
        }
    }

    @Override
    public JobReport.StateStore summary() {
        return new JobReport.StateStore(false, null, 0);
    }

    @Override
    public void close() {
        // nothing outside the heap
    }
}
