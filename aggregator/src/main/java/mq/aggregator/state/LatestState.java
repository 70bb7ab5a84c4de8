package mq.aggregator.state;

import java.io.IOException;
import java.util.Collection;
import java.util.function.Consumer;
import mq.common.protocol.JobReport;
import mq.common.records.RecordVersion;

/**
 * The aggregator's latest version of every key of one records job.
 *
 * <p>Adding keeps the later of two versions of a key exactly as {@link RecordVersion#latest}
 * does (timestamp, then position in the file), so it is associative, commutative and idempotent:
 * the same versions added in any order, grouping or number of times give the same state, in
 * the heap or spilled. A store failure (a full disk) is an {@link java.io.UncheckedIOException}.
 */
public sealed interface LatestState extends AutoCloseable permits HeapLatestState, SpillingLatestState {

    void addAll(Collection<RecordVersion> versions);

    long distinctKeys();

    /** Every latest version once, in no particular order (for sums). */
    void forEach(Consumer<RecordVersion> action);

    /** Every latest version once, in key order: the order of {@code records.jsonl}, without holding them all. */
    void forEachSortedByKey(VersionSink sink) throws IOException;

    /** Whether any of it went to disk, with the budget it had, for the report. */
    JobReport.StateStore summary();

    /** Frees the heap it holds and deletes its store, if any. */
    @Override
    void close();

    /** Takes the versions one by one, e.g. to write them to a file. */
    @FunctionalInterface
    interface VersionSink {
        void accept(RecordVersion version) throws IOException;
    }
}
