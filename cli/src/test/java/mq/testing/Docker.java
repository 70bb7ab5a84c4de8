package mq.testing;

import org.testcontainers.DockerClientFactory;

/** Whether this machine has a Docker engine that Testcontainers can use; asked once per test JVM. */
public final class Docker {
    private static Boolean available;

    private Docker() {
    }

    public static synchronized boolean available() {
        if (available == null) {
            boolean found;
            try {
                found = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                found = false;
            }
            available = found;
        }
        return available;
    }
}
