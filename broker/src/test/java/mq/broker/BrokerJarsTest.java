package mq.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerJarsTest {
    @TempDir
    Path dir;

    @AfterEach
    void forgetTheFolder() {
        System.clearProperty(BrokerJars.PROPERTY);
    }

    @Test
    void addsTheJarsOfTheNamedFolderAfterThisJvmsClassPath() throws IOException {
        Files.createFile(dir.resolve("kafka_2.13-4.4.0.jar"));
        Files.createFile(dir.resolve("scala-library-2.13.18.jar"));
        Files.createFile(dir.resolve("notes.txt"));
        System.setProperty(BrokerJars.PROPERTY, dir.toString());

        List<String> entries = List.of(BrokerJars.classPath().split(File.pathSeparator));

        assertThat(entries).startsWith(ClassPath.ofThisJvm().split(File.pathSeparator));
        assertThat(entries).endsWith(dir.resolve("kafka_2.13-4.4.0.jar").toString(),
                dir.resolve("scala-library-2.13.18.jar").toString());
    }

    @Test
    void looksBesideTheFolderOfTheJarInThePackagedLayout() {
        // Run from target/classes here, not from lib/mq-broker.jar: no packaged layout to follow.
        assertThat(BrokerJars.folder()).isEmpty();

        System.setProperty(BrokerJars.PROPERTY, dir.toString());
        assertThat(BrokerJars.folder()).contains(dir.toAbsolutePath().normalize());
    }
}
