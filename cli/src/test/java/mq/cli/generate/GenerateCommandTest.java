package mq.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GenerateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new GenerateCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void numbersWritesTheFileAndPrintsASummary() throws IOException {
        Path file = dir.resolve("data/numbers.txt");

        int exit = run("numbers", "--count", "1000", "--out", file.toString(), "--seed", "7", "--decimals");

        assertThat(exit).isZero();
        assertThat(Files.readAllLines(file)).hasSize(1_000);
        assertThat(out.toString()).contains(file.toString(), "1000 lines", Files.size(file) + " bytes", "sum ");
    }

    @Test
    void recordsWritesTheFileAndPrintsASummary() throws IOException {
        Path file = dir.resolve("data/records.jsonl");

        int exit = run("records", "--count", "100", "--keys", "20", "--out", file.toString(),
                "--format", "jsonl", "--mixed-timestamps");

        assertThat(exit).isZero();
        assertThat(Files.readAllLines(file)).hasSize(100);
        assertThat(out.toString()).contains(file.toString(), "100 records", "20 keys");
    }

    @Test
    void recordsDefaultToAFifthAsManyKeys() {
        int exit = run("records", "--count", "100", "--out", dir.resolve("r.json").toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("100 records, 20 keys");
    }

    @Test
    void rejectsANonPositiveCount() {
        int exit = run("numbers", "--count", "0", "--out", dir.resolve("n.txt").toString());

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--count must be at least 1 (got 0)");
        assertThat(dir.resolve("n.txt")).doesNotExist();
    }

    @Test
    void rejectsMinAboveMax() {
        int exit = run("numbers", "--count", "5", "--min", "10", "--max", "1", "--out", dir.resolve("n.txt").toString());

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--min (10) must not be greater than --max (1)");
    }

    @Test
    void rejectsNonPositiveKeys() {
        int exit = run("records", "--count", "5", "--keys", "0", "--out", dir.resolve("r.json").toString());

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--keys must be at least 1 (got 0)");
    }

    @Test
    void rejectsMoreKeysThanRecords() {
        int exit = run("records", "--count", "5", "--keys", "6", "--out", dir.resolve("r.json").toString());

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--keys (6) must not be greater than --count (5)");
    }

    @Test
    void rejectsAnUnknownFormat() {
        int exit = run("records", "--count", "5", "--format", "xml", "--out", dir.resolve("r.xml").toString());

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Invalid value for option '--format'", "expected json, jsonl or csv");
    }

    @Test
    void rejectsAMissingOutput() {
        int exit = run("numbers", "--count", "5");

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Missing required option: '--out=<out>'");
    }

    @Test
    void rejectsAMissingSubcommand() {
        int exit = run();

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("Missing subcommand: numbers or records");
    }

    @Test
    void csvWithoutASchemaUsesTheBuiltInOneAndASchemaFileDrivesTheFields() throws IOException {
        Path builtIn = dir.resolve("MOCK_DATA.csv");
        Path schema = Files.writeString(dir.resolve("schema.json"),
                "[{\"name\":\"id\",\"type\":\"Row Number\"},{\"name\":\"tier\",\"type\":\"Custom List\",\"values\":\"a, b\"}]");
        Path custom = dir.resolve("custom.jsonl");

        assertThat(run("records", "--count", "50", "--format", "csv", "--out", builtIn.toString())).isZero();
        assertThat(run("records", "--count", "3", "--schema", schema.toString(), "--format", "jsonl", "--out", custom.toString()))
                .isZero();

        assertThat(Files.readAllLines(builtIn)).hasSize(51).first().asString().startsWith("id,first_name,last_name,");
        assertThat(Files.readAllLines(custom)).hasSize(3).allMatch(line -> line.matches("\\{\"id\":\\d,\"tier\":\"[ab]\"}"));
    }

    @Test
    void aSchemaWithAnUnknownTypeIsAUsageErrorThatListsTheTypes() throws IOException {
        Path schema = Files.writeString(dir.resolve("schema.json"), "{\"fields\":[{\"name\":\"x\",\"type\":\"Color\"}]}");

        int exit = run("records", "--count", "5", "--schema", schema.toString(), "--out", dir.resolve("x.json").toString());

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("field 'x': unknown type 'Color'; supported: Row Number", "Version Timestamp");
        assertThat(dir.resolve("x.json")).doesNotExist();
    }
}
