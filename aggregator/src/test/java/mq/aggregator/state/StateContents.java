package mq.aggregator.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import mq.common.records.RecordKey;
import mq.common.records.RecordVersion;

/** Tests only: a state's whole contents in memory, which the aggregator itself never asks for. */
public final class StateContents {
    private StateContents() {
    }

    /** Every latest version, in key order. */
    public static List<RecordVersion> sorted(LatestState state) {
        List<RecordVersion> versions = new ArrayList<>();
        try {
            state.forEachSortedByKey(versions::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions;
    }

    public static Map<RecordKey, RecordVersion> byKey(LatestState state) {
        Map<RecordKey, RecordVersion> byKey = new TreeMap<>();
        sorted(state).forEach(version -> byKey.put(version.key(), version));
        return byKey;
    }
}
