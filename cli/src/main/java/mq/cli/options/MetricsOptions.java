package mq.cli.options;

import picocli.CommandLine.Option;

/** Where a role serves its metrics (and, for the aggregator, its reports) over HTTP. */
public final class MetricsOptions {
    /** The port the roles use in containers, where every replica has an address of its own. */
    public static final int CONTAINER_PORT = 9400;

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "${env:MQ_METRICS_PORT:-0}",
            description = "HTTP port for /metrics (Prometheus) and /health; 0 picks a free port and logs it, -1 turns "
                    + "the server off (env MQ_METRICS_PORT, default ${DEFAULT-VALUE}; " + CONTAINER_PORT + " in Compose).")
    int port;

    public int port() {
        if (port < -1 || port > 65_535) {
            throw new IllegalArgumentException("--metrics-port must be -1 (off), 0 (any free port) or a port, was " + port);
        }
        return port;
    }
}
