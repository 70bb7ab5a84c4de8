package mq.aggregator.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import mq.common.protocol.WorkerHeartbeat;

/**
 * The workers of one group as their heartbeats describe them: a worker is alive while it keeps
 * beating, and dead once it has missed three heartbeats. Not thread-safe: {@link LiveModel} guards it.
 */
final class WorkerRoster {
    /** Three missed heartbeats (one every 3 s) and a second of slack. */
    static final Duration DEAD_AFTER = Duration.ofSeconds(10);
    /** Workers silent this long are forgotten, so that compose's scaled-away replicas do not pile up. */
    static final Duration FORGET_AFTER = Duration.ofMinutes(30);

    private final String group;
    private final Map<String, WorkerHeartbeat> last = new TreeMap<>();

    /** @param group the worker group to follow; {@code null} follows every group */
    WorkerRoster(String group) {
        this.group = group;
    }

    void heartbeat(WorkerHeartbeat beat) {
        if (group != null && !group.equals(beat.group())) {
            return;
        }
        last.merge(beat.worker(), beat, (old, now) -> now.at() >= old.at() ? now : old);
        last.values().removeIf(seen -> beat.at() - seen.at() > FORGET_AFTER.toMillis());
    }

    static boolean isAlive(WorkerHeartbeat beat, long now) {
        return now - beat.at() <= DEAD_AFTER.toMillis();
    }

    int alive(long now) {
        return (int) last.values().stream().filter(beat -> isAlive(beat, now)).count();
    }

    Optional<WorkerHeartbeat> last(String worker) {
        return Optional.ofNullable(last.get(worker));
    }

    /** Workers that beat at or after {@code since}, by name. */
    List<String> seenSince(long since) {
        List<String> names = new ArrayList<>();
        last.forEach((name, beat) -> {
            if (beat.at() >= since) {
                names.add(name);
            }
        });
        return names;
    }
}
