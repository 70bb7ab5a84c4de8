package mq.cli.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mq.cli.Main;
import mq.common.protocol.RecordSpec;
import mq.lab.chaos.ProduceArguments;
import mq.lab.scale.LabInput;
import mq.producer.JobPublisher;
import mq.producer.input.InputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;

class RecordOptionsTest {
    private static final List<String> RECORD_OPTIONS = List.of("--format", "--key-field", "--timestamp-field",
            "--sum-field", "--key-type", "--timestamp-format", "--timestamp-zone", "--csv-delimiter");

    @TempDir
    Path dir;

    @Command(name = "job")
    static final class Holder {
        @Mixin
        JobOptions job;
    }

    @Test
    void runProduceScaleAndChaosDescribeRecordsWithTheSameOptions() {
        CommandLine main = Main.commandLine();
        CommandLine run = main.getSubcommands().get("run");
        for (String command : List.of("produce", "scale", "chaos")) {
            CommandLine other = main.getSubcommands().get(command);
            for (String name : RECORD_OPTIONS) {
                OptionSpec expected = run.getCommandSpec().findOption(name);
                OptionSpec actual = other.getCommandSpec().findOption(name);
                assertThat(actual).as(command + " " + name).isNotNull();
                assertThat(actual.description()).as(command + " " + name).containsExactly(expected.description());
                assertThat(actual.defaultValue()).as(command + " " + name).isEqualTo(expected.defaultValue());
                assertThat(actual.paramLabel()).as(command + " " + name).isEqualTo(expected.paramLabel());
                assertThat(actual.splitRegex()).as(command + " " + name).isEqualTo(expected.splitRegex());
            }
        }
    }

    @Test
    void theLabsLeaveOutSkipBadAsTheyCompareEveryRunWithTheBaseline() {
        CommandLine main = Main.commandLine();
        assertThat(main.getSubcommands().get("run").getCommandSpec().findOption("--skip-bad")).isNotNull();
        assertThat(main.getSubcommands().get("scale").getCommandSpec().findOption("--skip-bad")).isNull();
        assertThat(main.getSubcommands().get("chaos").getCommandSpec().findOption("--skip-bad")).isNull();
    }

    @Test
    void theChaosLabsProducerReadsTheInputWithTheLabsOwnSpec() throws IOException {
        Path csv = Files.writeString(dir.resolve("MOCK_DATA.csv"), "-x\tchanged\tbalance\n1\t4/16/2025 9:05\t1.5\n");
        RecordSpec spec = new RecordSpec("-x", "changed", List.of("balance", "fee"))
                .withKeyType(RecordSpec.KeyType.NUMBER)
                .withTimestampFormat("M/d/yyyy H:mm", "Europe/Berlin")
                .withCsvDelimiter('\t');

        assertThat(produced(new LabInput(csv, InputFormat.CSV, spec))).isEqualTo(spec);
    }

    @Test
    void theDefaultSpecTravelsAsTheDefaultSpec() throws IOException {
        Path json = Files.writeString(dir.resolve("records.json"), "[{\"id\":1,\"updated_at\":0}]\n");

        assertThat(produced(new LabInput(json, InputFormat.JSON_ARRAY, RecordSpec.DEFAULT))).isEqualTo(RecordSpec.DEFAULT);
    }

    /** What {@code mq produce} makes of the lab's arguments for {@code input}. */
    private static RecordSpec produced(LabInput input) throws IOException {
        List<String> args = new ArrayList<>(List.of("--input", input.file().toString()));
        args.addAll(ProduceArguments.of(input));
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args.toArray(String[]::new));
        JobPublisher.Request request = holder.job.request("job-1", null);
        assertThat(request.format()).isEqualTo(input.format());
        return request.recordSpec();
    }
}
