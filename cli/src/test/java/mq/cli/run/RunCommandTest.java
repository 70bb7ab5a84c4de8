package mq.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import mq.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The run command's usage errors: found before any process starts, exit 2, a message naming the option. */
class RunCommandTest {
    @TempDir
    Path dir;

    @Test
    void anOutFolderThatCannotBeCreatedIsAUsageError() throws Exception {
        Path input = Files.writeString(dir.resolve("n.txt"), "1\n");
        Path notAFolder = Files.writeString(dir.resolve("file"), "x");
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine().setErr(new PrintWriter(err));

        int exit = command.execute("run", "--input", input.toString(), "--out", notAFolder.resolve("x").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--out '" + notAFolder.resolve("x") + "': cannot create the folder");
    }
}
