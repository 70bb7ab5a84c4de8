package mq.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mq.cli.Main;
import mq.cli.options.LimitsOptions;
import mq.common.protocol.Limits;
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

    @Test
    void theRunsLimitsReachEveryRoleItStarts() {
        // Given a run with limits of its own
        CommandLine line = Main.commandLine();
        var parsed = line.parseArgs("run", "--input", "n.txt", "--max-line-bytes", "4096", "--max-number-digits", "50",
                "--max-exponent", "300", "--max-json-depth", "9", "--max-partial-bytes", "100000");
        RunCommand run = (RunCommand) parsed.subcommand().commandSpec().userObject();
        Limits limits = run.limits.apply();
        try {
            // When it starts its roles, Then each role gets them and accepts them as its own options
            List<String> arguments = RunCommand.roleArguments(run.kafka, "127.0.0.1:9092");
            assertThat(String.join(" ", arguments)).contains("--max-line-bytes 4096", "--max-number-digits 50",
                    "--max-exponent 300", "--max-json-depth 9", "--max-partial-bytes 100000");
            for (String role : List.of("worker", "aggregator")) {
                List<String> roleLine = new ArrayList<>(List.of(role));
                roleLine.addAll(arguments);
                var roleParsed = Main.commandLine().parseArgs(roleLine.toArray(String[]::new));
                LimitsOptions roleLimits = (LimitsOptions) roleParsed.subcommand().commandSpec().mixins().get("limits")
                        .userObject();
                assertThat(roleLimits.limits()).as(role).isEqualTo(limits);
            }
        } finally {
            Limits.use(Limits.DEFAULTS);
        }
    }
}
