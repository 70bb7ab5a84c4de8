package mq.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerLogTest {
    @TempDir
    Path dir;

    @Test
    void tailsTheLastLines() throws IOException {
        BrokerLog log = new BrokerLog(dir);
        log.append("one\ntwo\nthree\n");

        assertThat(log.tail(2)).containsExactly("two", "three");
        assertThat(log.tailMessage()).contains(log.file().toString()).contains("one\ntwo\nthree");
    }

    @Test
    void hasAnEmptyTailBeforeTheFirstStart() {
        assertThat(new BrokerLog(dir).tail(5)).isEmpty();
    }

    @Test
    void rotatesALogOverTenMebibytesAndKeepsASmallOne() throws IOException {
        BrokerLog log = new BrokerLog(dir);
        log.append("small\n");
        log.rotate();
        assertThat(log.file()).hasContent("small");

        Files.write(log.file(), new byte[10 * 1024 * 1024 + 1]);
        log.rotate();

        assertThat(log.file()).doesNotExist();
        assertThat(dir.resolve("broker.log.1")).hasSize(10 * 1024 * 1024 + 1);
    }
}
