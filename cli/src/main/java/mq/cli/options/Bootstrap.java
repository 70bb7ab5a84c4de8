package mq.cli.options;

import java.time.Duration;
import mq.broker.LocalBroker;

/** Finds the cluster a command talks to: the one named by --bootstrap, else the local broker. */
public final class Bootstrap {
    private static final Duration BROKER_START_TIMEOUT = Duration.ofSeconds(90);

    private Bootstrap() {
    }

    /** For roles run by hand: the local broker must already be running. */
    public static String existing(KafkaOptions kafka) {
        if (kafka.hasBootstrap()) {
            return kafka.bootstrap();
        }
        return LocalBroker.in(kafka.brokerDir()).bootstrapIfRunning().orElseThrow(() -> new IllegalStateException(
                "no Kafka cluster: pass --bootstrap HOST:PORT (or set MQ_BOOTSTRAP), or start the local broker with "
                        + "./mq broker start"));
    }

    /** For whole runs: starts the local broker when no cluster was named and it is not running. */
    public static String startingLocal(KafkaOptions kafka) {
        if (kafka.hasBootstrap()) {
            return kafka.bootstrap();
        }
        return LocalBroker.in(kafka.brokerDir()).ensureRunning(BROKER_START_TIMEOUT);
    }
}
