package mq.common.kafka;

import java.time.Duration;

/**
 * How long a role waits before it replaces a failed consumer: 1 s, doubling while failures repeat,
 * at most 30 s, so that a broker that keeps failing clients is not hammered and a one-off failure
 * costs a second. Reset once the role makes progress again.
 */
public final class RestartDelay {
    private static final Duration FIRST = Duration.ofSeconds(1);
    private static final Duration LAST = Duration.ofSeconds(30);

    private Duration next = FIRST;

    /** The delay to wait now; the one after it is twice as long. */
    public Duration take() {
        Duration now = next;
        next = next.multipliedBy(2).compareTo(LAST) > 0 ? LAST : next.multipliedBy(2);
        return now;
    }

    public void reset() {
        next = FIRST;
    }
}
