package mq.cli.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import mq.broker.LocalBroker;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BrokerCommandTest {

    @Test
    void optionsWorkBeforeAndAfterTheSubcommand() {
        BrokerCommand before = new BrokerCommand();
        new CommandLine(before).parseArgs("--dir", "a", "--port", "9092", "start");
        BrokerCommand after = new BrokerCommand();
        new CommandLine(after).parseArgs("start", "--dir", "a", "--port", "9092");

        assertThat(before.dir).isEqualTo(Path.of("a"));
        assertThat(before.port).isEqualTo(9092);
        assertThat(after.dir).isEqualTo(Path.of("a"));
        assertThat(after.port).isEqualTo(9092);
    }

    @Test
    void defaultsToALoopbackBrokerOnFreePorts() {
        BrokerCommand command = new BrokerCommand();
        new CommandLine(command).parseArgs("status");

        assertThat(command.listenHost).isEqualTo("127.0.0.1");
        assertThat(command.advertisedHost).isEqualTo("127.0.0.1");
        assertThat(command.port).isZero();
        assertThat(command.controllerPort).isZero();
        assertThat(command.heap).isEqualTo(LocalBroker.DEFAULT_HEAP);
        assertThat(command.timeout).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void printsSizesForPeople() {
        assertThat(BrokerCommand.humanBytes(512)).isEqualTo("512 B");
        assertThat(BrokerCommand.humanBytes(20 * 1024 * 1024)).isEqualTo("20.0 MiB");
    }
}
