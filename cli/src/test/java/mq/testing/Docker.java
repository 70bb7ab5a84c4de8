package mq.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;

/** Whether this machine has a Docker engine that Testcontainers can use; asked once per test JVM. */
public final class Docker {
    private static Boolean available;
    private static String reason = "";

    private Docker() {
    }

    public static synchronized boolean available() {
        if (available == null) {
            boolean found = false;
            if (!mightHaveAnEngine()) {
                reason = "no Docker engine is available";
            } else {
                try {
                    // client() rather than isDockerAvailable(), to keep the reason when it fails.
                    DockerClientFactory.instance().client();
                    found = true;
                } catch (RuntimeException | LinkageError e) {
                    reason = "Testcontainers cannot use the Docker engine (" + e.getMessage() + ")";
                }
            }
            available = found;
        }
        return available;
    }

    /** Why {@link #available()} is false, for the test output; empty when it is true. */
    public static synchronized String unavailableReason() {
        available();
        return reason;
    }

    /**
     * Looks for the places Testcontainers finds an engine before asking it: asked on a machine
     * without any, it logs a frightening ERROR before answering "no".
     */
    private static boolean mightHaveAnEngine() {
        String home = System.getProperty("user.home");
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        return System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(home, ".docker", "desktop", "docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"))
                || runtime != null && Files.exists(Path.of(runtime, "docker.sock"));
    }
}
