package mq.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Whether a broker answers, and waiting until a starting one does. */
final class Readiness {
    // Generous: a cold client in a fresh JVM on a busy 2-core machine can take seconds to connect.
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    private Readiness() {
    }

    /** Whether a Kafka broker answers a metadata request at {@code bootstrap} within {@code timeout}. */
    static boolean answers(String bootstrap, Duration timeout) {
        try (Admin admin = Admin.create(probeSettings(bootstrap, timeout))) {
            return answers(admin, timeout);
        }
    }

    /**
     * Waits until the broker at {@code bootstrap} (reached on {@code host}) answers, failing when its
     * process dies or {@code deadline} passes; {@code diagnostics} says where to look if it never does.
     */
    static void await(String bootstrap, String host, ProcessHandle process, Instant deadline, Supplier<String> diagnostics) {
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        // Wait for the port first: an Admin client logs a warning on every refused connection.
        while (!accepts(host, port)) {
            checkAlive(process, deadline, bootstrap, diagnostics);
            Pause.briefly();
        }
        // One client for every probe: a new one per probe would pay its start-up and a fresh connection each time.
        try (Admin admin = Admin.create(probeSettings(bootstrap, PROBE_TIMEOUT))) {
            while (!answers(admin, PROBE_TIMEOUT)) {
                checkAlive(process, deadline, bootstrap, diagnostics);
                Pause.briefly();
            }
        }
    }

    private static Properties probeSettings(String bootstrap, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "mq-broker-probe");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        // One attempt per probe: the caller decides whether to try again.
        props.put(AdminClientConfig.RETRIES_CONFIG, 0);
        return props;
    }

    private static boolean answers(Admin admin, Duration timeout) {
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean accepts(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void checkAlive(ProcessHandle process, Instant deadline, String bootstrap, Supplier<String> diagnostics) {
        if (!process.isAlive()) {
            throw new BrokerException("the broker process exited during start-up; " + diagnostics.get());
        }
        if (Instant.now().isAfter(deadline)) {
            throw new BrokerException("the broker at " + bootstrap + " did not answer in time (a slow machine may need"
                    + " a longer timeout); " + diagnostics.get());
        }
    }
}
