package mq.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PortChoiceTest {
    private final PortChoice ports = new PortChoice(BrokerConfig.LOOPBACK);

    @Test
    void keepsThePreviousPortWhileItIsFree() throws IOException {
        int previous = ports.pick(0, Optional.empty(), "broker");

        assertThat(ports.pick(0, Optional.of(previous), "broker")).isEqualTo(previous);
    }

    @Test
    void takesAnotherPortWhenThePreviousOneIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = ports.pick(0, Optional.of(taken.getLocalPort()), "broker");

            assertThat(port).isPositive().isNotEqualTo(taken.getLocalPort());
        }
    }

    @Test
    void refusesARequestedPortThatIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> ports.pick(taken.getLocalPort(), Optional.empty(), "controller"))
                    .isInstanceOf(BrokerException.class)
                    .hasMessageContaining("controller port " + taken.getLocalPort())
                    .hasMessageContaining("is taken");
        }
    }

    @Test
    void findsAFreePortOtherThanTheOneGiven() throws IOException {
        int first = ports.pick(0, Optional.empty(), "broker");

        assertThat(ports.freePortOtherThan(first)).isPositive().isNotEqualTo(first);
    }
}
