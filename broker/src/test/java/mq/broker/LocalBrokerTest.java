package mq.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What LocalBroker does without starting a broker. */
class LocalBrokerTest {

    @TempDir
    Path dir;

    @Test
    void reportsNothingRunningInAnEmptyDirectory() {
        LocalBroker broker = LocalBroker.in(dir);

        assertThat(broker.bootstrapIfRunning()).isEmpty();
        assertThat(broker.state()).isEmpty();
        assertThat(broker.stop(Duration.ofSeconds(1))).isFalse();
        assertThat(broker.dataSize()).isZero();
    }

    @Test
    void namesTheTakenPortWhenAskedForOne() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            LocalBroker broker = LocalBroker.in(dir).withNetwork("127.0.0.1", "127.0.0.1", taken.getLocalPort(), 0);

            assertThatThrownBy(() -> broker.ensureRunning(Duration.ofSeconds(5)))
                    .isInstanceOf(BrokerException.class)
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("is taken");
        }
    }

    @Test
    void showsTheLogWhenTheBrokerProcessDiesAtStartUp() {
        // A heap this small stops the JVM at once: a broker death without a broker start.
        LocalBroker broker = LocalBroker.in(dir).withHeap("1k");

        assertThatThrownBy(() -> broker.ensureRunning(Duration.ofSeconds(30)))
                .isInstanceOf(BrokerException.class)
                .hasMessageContaining("exited during start-up")
                .hasMessageContaining("broker.log")
                .hasMessageContaining("heap");
        assertThat(broker.state()).isEmpty();
        assertThat(dir.resolve("broker.json")).doesNotExist();
    }

    @Test
    void ignoresAStateFileOfAProcessThatIsGone() throws IOException {
        new BrokerState(Long.MAX_VALUE / 2, "127.0.0.1:1", 1, 2, "x", "2020-01-01T00:00:00Z", null)
                .write(dir.resolve("broker.json"));

        LocalBroker broker = LocalBroker.in(dir);

        assertThat(broker.state()).isEmpty();
        assertThat(broker.bootstrapIfRunning()).isEmpty();
    }
}
