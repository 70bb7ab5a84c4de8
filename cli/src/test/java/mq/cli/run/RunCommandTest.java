package mq.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mq.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Usage errors of run and the roles: found before any process starts or connects, exit 2, a message naming the option. */
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

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"run, --max-line-bytes, 10", "run, --max-json-depth, 0", "worker, --max-number-digits, 0",
            "aggregator, --max-exponent, -1", "produce, --max-partial-bytes, 99999999"})
    void aLimitOutOfItsRangeIsAUsageErrorNamingTheOption(String command, String option, String value) throws Exception {
        Path input = Files.writeString(dir.resolve("n.txt"), "1\n");
        StringWriter err = new StringWriter();
        CommandLine line = Main.commandLine().setErr(new PrintWriter(err));

        List<String> args = new ArrayList<>(List.of(command, option, value, "--bootstrap", "127.0.0.1:1"));
        if (command.equals("run") || command.equals("produce")) {
            args.addAll(List.of("--input", input.toString()));
        }
        int exit = line.execute(args.toArray(String[]::new));

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("error: " + option + " must be between");
    }
}
