package mq.common.kafka;

/**
 * Opens a long-running role's Kafka consumer, and opens a fresh one when the role had to throw the
 * old one away: a consumer that throws an unexpected error (seen: the new consumer protocol's
 * {@code IllegalStateException} while a broker restarts) is in a state nothing documents, and a
 * worker or aggregator replaces it rather than exit.
 *
 * @param <C> the consumer type (a group consumer or a share consumer)
 */
public interface ClientFactory<C extends AutoCloseable> {

    C open();

    /** Told after the worker has closed a consumer this factory opened, so that what was bound to it can go. */
    default void closed(C client) {
    }
}
