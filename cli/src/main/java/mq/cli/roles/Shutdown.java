package mq.cli.roles;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Registers the shutdown hook every long-running role has: stop the loop and wait for it, logging failures. */
final class Shutdown {
    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

    interface Closer {
        void close(Duration timeout) throws Exception;
    }

    private Shutdown() {
    }

    static void onSignal(String role, Closer closer) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                closer.close(Duration.ofSeconds(15));
            } catch (Exception e) {
                LOG.error("{} did not shut down cleanly", role, e);
            }
        }, role + "-shutdown"));
    }
}
