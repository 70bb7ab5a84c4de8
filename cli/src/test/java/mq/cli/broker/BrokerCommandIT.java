package mq.cli.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import mq.broker.BrokerState;
import mq.broker.LocalBroker;
import mq.testing.JavaProcess.Result;
import mq.testing.JavaProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** {@code mq broker} as a user runs it: each command is its own short-lived JVM. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrokerCommandIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    static Path dir;

    static String bootstrap;

    @AfterAll
    static void stopLeftovers() {
        LocalBroker.in(dir).stop(Duration.ofSeconds(30));
    }

    @Test
    @Order(1)
    void startFailsWithAMessageWhenTheAskedPortIsTaken(@TempDir Path otherDir) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Result start = broker(otherDir, "--port", Integer.toString(taken.getLocalPort()), "start");

            assertThat(start.exitCode()).isEqualTo(1);
            assertThat(start.stdout()).isEmpty();
            assertThat(start.stderr()).startsWith("mq broker: ").contains("port " + taken.getLocalPort() + " on 127.0.0.1 is taken");
        }
    }

    @Test
    @Order(2)
    void startPrintsTheBootstrapAndTheBrokerOutlivesTheCommand() {
        Result start = broker(dir, "start");

        assertThat(start.exitCode()).as(start.stderr()).isZero();
        bootstrap = start.stdout().trim();
        assertThat(bootstrap).matches("127\\.0\\.0\\.1:\\d+");
        BrokerState state = LocalBroker.in(dir).state().orElseThrow();
        assertThat(state.liveProcess()).isPresent();
        assertThat(LocalBroker.in(dir).bootstrapIfRunning()).contains(bootstrap);
    }

    @Test
    @Order(3)
    void startAgainPrintsTheSameBootstrap() {
        Result again = broker(dir, "start");

        assertThat(again.exitCode()).isZero();
        assertThat(again.stdout().trim()).isEqualTo(bootstrap);
    }

    @Test
    @Order(4)
    void statusShowsTheRunningBroker() {
        Result status = broker(dir, "status");

        assertThat(status.exitCode()).isZero();
        assertThat(status.stdout()).contains("status:    running", "bootstrap: " + bootstrap,
                "pid:       " + LocalBroker.in(dir).state().orElseThrow().pid(), dir.resolve("data").toString());
    }

    @Test
    @Order(5)
    void stopStopsIt() {
        long pid = LocalBroker.in(dir).state().orElseThrow().pid();

        Result stop = broker(dir, "stop");

        assertThat(stop.exitCode()).isZero();
        assertThat(stop.stdout().trim()).isEqualTo("stopped");
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    @Order(6)
    void statusShowsTheStoppedBroker() {
        Result status = broker(dir, "status");

        assertThat(status.exitCode()).isZero();
        assertThat(status.stdout()).contains("status:    stopped").doesNotContain("pid:");
    }

    @Test
    @Order(7)
    void theForegroundBrokerStopsWithItsCommandOnSigterm(@TempDir Path foregroundDir) {
        try (JavaProcess foreground = JavaProcess.start(BrokerCommand.class, "--dir", foregroundDir.toString())) {
            await().atMost(TIMEOUT).until(() -> foreground.stderr().contains("broker ready at "));
            long brokerPid = LocalBroker.in(foregroundDir).state().orElseThrow().pid();
            assertThat(LocalBroker.in(foregroundDir).bootstrapIfRunning()).isPresent();

            // What `docker stop` sends to the container's main process.
            foreground.process().destroy();

            await().atMost(Duration.ofSeconds(60)).until(() -> !foreground.process().isAlive());
            assertThat(ProcessHandle.of(brokerPid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(foregroundDir.resolve("broker.json")).doesNotExist();
        }
    }

    private static Result broker(Path brokerDir, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--dir";
        all[1] = brokerDir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return JavaProcess.run(TIMEOUT, BrokerCommand.class, all);
    }
}
