package mq.common.kafka;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A long-running role's consumer, which the role throws away and replaces when it fails in a way no
 * retry inside it handles: closed once (its {@link ClientFactory} told), then, after a
 * {@link RestartDelay} that {@link #stop} cuts short, a new one from the same factory. The worker
 * and the aggregator each hold one; what they do around a replacement (redo a batch, forget the
 * jobs in flight, subscribe again) stays theirs.
 *
 * @param <C> the consumer type (a group consumer or a share consumer)
 */
public final class ReplaceableConsumer<C extends Closeable> {
    private static final Logger LOG = LoggerFactory.getLogger(ReplaceableConsumer.class);

    private final ClientFactory<C> factory;
    private final String owner;
    private final RestartDelay delay = new RestartDelay();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private volatile C current;
    private boolean open = true;

    /** @param owner who holds it, for the log (e.g. "worker w1") */
    public ReplaceableConsumer(ClientFactory<C> factory, String owner) {
        this.factory = factory;
        this.owner = owner;
        this.current = factory.open();
    }

    /** The consumer in use: a new one after a replacement, so never keep it beyond a call. */
    public C get() {
        return current;
    }

    /** The delay before the next replacement: 1 s, twice the last one while failures repeat. */
    public Duration nextDelay() {
        return delay.take();
    }

    /** The role made progress: the next failure waits the first delay again. */
    public void progressed() {
        delay.reset();
    }

    /** Closes the failed consumer, logging rather than throwing what closing it throws too. */
    public void closeFailed() {
        try {
            close();
        } catch (RuntimeException e) {
            LOG.warn("{}: closing the failed consumer failed too ({})", owner, e.toString());
        }
    }

    /**
     * Waits {@code wait}, then opens a new consumer. Returns {@code false}, opening none, when
     * {@link #stop} was called before or during the wait.
     */
    public boolean reopenAfter(Duration wait) throws InterruptedException {
        if (stopRequested.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        current = factory.open();
        open = true;
        return true;
    }

    /** Ends a wait in {@link #reopenAfter} at once: the role is stopping. Callable from any thread. */
    public void stop() {
        stopRequested.countDown();
    }

    /** Closes the consumer in use unless it is closed already. */
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        C closing = current;
        try {
            closing.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            factory.closed(closing);
        }
    }
}
