package mq.aggregator.state;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import mq.common.protocol.JobReport;
import mq.common.records.RecordKey;
import mq.common.records.RecordVersion;

/**
 * Latest versions in a heap map while they fit the shared {@link HeapBudget}, spilled to a
 * RocksDB {@link SpillStore} past it, the way Kafka Streams keeps a record cache in front of its
 * stores.
 *
 * <p>The map is a write buffer: versions of a key merge in it, and when the estimated bytes of
 * all jobs' buffers pass the budget, the job that is adding moves its whole buffer into its store
 * (reading the stored versions of those keys in one batch and writing each buffered version that
 * is later). A job that never passes it never opens a store and behaves as the in-heap state.
 * Once spilled, counting keys and scanning first settle the buffer into the store, then read the
 * store alone: its keys are {@link KeyEncoding}'s, so the scan is already in {@code records.jsonl}'s
 * order and the file is written without loading it. An ordered store, not an external sort of
 * sorted runs: the store also merges versions of one key across spills, which a sort would have to
 * do in its final merge, and counts distinct keys as it goes.
 */
public final class SpillingLatestState implements LatestState {
    /** Entries per read-and-write batch while spilling: a few MiB of keys and values at a time. */
    private static final int SPILL_BATCH = 8_192;

    private final HeapBudget budget;
    private final Path storeDir;
    private final Map<RecordKey, RecordVersion> buffer = new HashMap<>();
    private long bufferBytes;
    private SpillStore store;
    private long storedKeys;
    private int spills;

    SpillingLatestState(HeapBudget budget, Path storeDir) {
        this.budget = budget;
        this.storeDir = storeDir;
    }

    @Override
    public void addAll(Collection<RecordVersion> versions) {
        for (RecordVersion version : versions) {
            add(version);
        }
        if (budget.exceeded()) {
            spill();
        }
    }

    private void add(RecordVersion version) {
        RecordVersion held = buffer.get(version.key());
        if (held == null) {
            buffer.put(version.key(), version);
            grow(EntrySize.of(version));
        } else if (RecordVersion.latest(held, version) != held) {
            buffer.put(version.key(), version);
            grow(EntrySize.of(version) - EntrySize.of(held));
        }
    }

    private void grow(long bytes) {
        bufferBytes += bytes;
        budget.take(bytes);
    }

    /** Moves the buffer into the store, keeping for each key the later of the buffered and the stored version. */
    private void spill() {
        if (buffer.isEmpty()) {
            return;
        }
        if (store == null) {
            store = SpillStore.open(storeDir);
        }
        Iterator<RecordVersion> pending = buffer.values().iterator();
        while (pending.hasNext()) {
            List<RecordVersion> batch = new ArrayList<>(SPILL_BATCH);
            List<byte[]> keys = new ArrayList<>(SPILL_BATCH);
            while (pending.hasNext() && batch.size() < SPILL_BATCH) {
                RecordVersion version = pending.next();
                batch.add(version);
                keys.add(KeyEncoding.encode(version.key()));
            }
            writeLater(batch, keys);
        }
        buffer.clear();
        budget.giveBack(bufferBytes);
        bufferBytes = 0;
        spills++;
    }

    private void writeLater(List<RecordVersion> batch, List<byte[]> keys) {
        List<byte[]> stored = store.getAll(keys);
        List<byte[]> writeKeys = new ArrayList<>(batch.size());
        List<byte[]> writeValues = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            byte[] current = stored.get(i);
            if (current == null) {
                storedKeys++;
            }
            if (current == null || VersionEncoding.isLater(batch.get(i), current)) {
                writeKeys.add(keys.get(i));
                writeValues.add(VersionEncoding.encode(batch.get(i)));
            }
        }
        store.putAll(writeKeys, writeValues);
    }

    /** Whether the state lives in a store (from the first spill on). */
    public boolean spilled() {
        return store != null;
    }

    @Override
    public long distinctKeys() {
        if (!spilled()) {
            return buffer.size();
        }
        spill();
        return storedKeys;
    }

    @Override
    public void forEach(Consumer<RecordVersion> action) {
        if (!spilled()) {
            buffer.values().forEach(action);
            return;
        }
        try {
            forEachSortedByKey(action::accept);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void forEachSortedByKey(VersionSink sink) throws IOException {
        if (!spilled()) {
            List<RecordVersion> sorted = new ArrayList<>(buffer.values());
            sorted.sort((a, b) -> a.key().compareTo(b.key()));
            for (RecordVersion version : sorted) {
                sink.accept(version);
            }
            return;
        }
        spill();
        store.scan((key, value) -> sink.accept(VersionEncoding.decode(KeyEncoding.decode(key), value)));
    }

    @Override
    public JobReport.StateStore summary() {
        return new JobReport.StateStore(spilled(), budget.limitBytes(), spills);
    }

    @Override
    public void close() {
        buffer.clear();
        budget.giveBack(bufferBytes);
        bufferBytes = 0;
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
