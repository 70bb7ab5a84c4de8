package mq.broker;

import java.time.Duration;

/** The one wait between polls of a starting broker or a busy lock. */
final class Pause {
    static final Duration POLL_INTERVAL = Duration.ofMillis(100);

    private Pause() {
    }

    static void briefly() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while waiting for the broker", e);
        }
    }
}
