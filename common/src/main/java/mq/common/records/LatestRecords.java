package mq.common.records;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest version of every key seen so far.
 *
 * <p>Adding is "keep the later of the two", which is associative, commutative and idempotent:
 * the same versions added in any order, any grouping and any number of times give the same map.
 * Memory grows with the number of distinct keys, not with the number of versions.
 */
public final class LatestRecords {
    private final Map<RecordKey, RecordVersion> byKey = new HashMap<>();
    private long versionsSeen;

    public void add(RecordVersion version) {
        versionsSeen++;
        byKey.merge(version.key(), version, RecordVersion::latest);
    }

    public void addAll(Collection<RecordVersion> versions) {
        versions.forEach(this::add);
    }

    public int distinctKeys() {
        return byKey.size();
    }

    /** How many versions were added, counting duplicates. */
    public long versionsSeen() {
        return versionsSeen;
    }

    public RecordVersion get(RecordKey key) {
        return byKey.get(key);
    }

    public Collection<RecordVersion> unordered() {
        return byKey.values();
    }

    /** The latest versions sorted by key: the order of {@code records.jsonl}. */
    public List<RecordVersion> sortedByKey() {
        List<RecordVersion> sorted = new ArrayList<>(byKey.values());
        sorted.sort((a, b) -> a.key().compareTo(b.key()));
        return sorted;
    }
}
