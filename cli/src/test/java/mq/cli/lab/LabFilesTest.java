package mq.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mq.common.protocol.RecordSpec;
import mq.lab.scale.LabInput;
import mq.producer.input.InputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** How the labs turn their input options into the file and the record spec every run reads it with. */
class LabFilesTest {
    @TempDir
    Path dir;

    private LabInput scale(String... args) throws Exception {
        ScaleCommand command = new ScaleCommand();
        new CommandLine(command).parseArgs(args);
        return command.files.labInput(dir);
    }

    private LabInput chaos(String... args) throws Exception {
        ChaosCommand command = new ChaosCommand();
        new CommandLine(command).parseArgs(args);
        return command.files.labInput(dir);
    }

    @Test
    void aMockarooCsvIsStudiedWithItsOwnKeyTimestampAndSumFields() throws Exception {
        Path csv = Files.writeString(dir.resolve("MOCK_DATA.csv"), "customer_no,changed,balance\n7,4/16/2025 9:05,1.50\n");
        String[] args = {"--input", csv.toString(), "--key-field", "customer_no", "--timestamp-field", "changed",
                "--timestamp-format", "M/d/yyyy H:mm", "--key-type", "number", "--sum-field", "balance"};
        RecordSpec expected = new RecordSpec("customer_no", "changed", List.of("balance"))
                .withKeyType(RecordSpec.KeyType.NUMBER).withTimestampFormat("M/d/yyyy H:mm", "UTC");

        LabInput input = scale(args);

        assertThat(input.format()).isEqualTo(InputFormat.CSV);
        assertThat(input.recordSpec()).isEqualTo(expected);
        assertThat(chaos(args)).isEqualTo(input);
        Map<String, Object> manifest = input.manifestEntries();
        assertThat(manifest).containsEntry("format", "csv").containsEntry("record_spec", expected)
                .containsEntry("input", csv.toAbsolutePath().toString());
    }

    @Test
    void generatedRecordsSumAmountUnlessTheSumFieldSaysOtherwise() throws Exception {
        assertThat(scale("--generate", "records:50").recordSpec().sumFields()).containsExactly("amount");
        assertThat(scale("--generate", "records:50", "--sum-field", "quantity").recordSpec().sumFields())
                .containsExactly("quantity");
    }

    @Test
    void aNumbersJobRecordsNoSpecInTheManifest() throws Exception {
        LabInput input = scale("--generate", "numbers:50");

        assertThat(input.format()).isEqualTo(InputFormat.NUMBERS);
        assertThat(input.manifestEntries()).containsEntry("format", "numbers").containsEntry("record_spec", null);
    }

    @Test
    void aBadRecordOptionIsAUsageErrorBeforeAnythingIsGenerated() {
        assertThatThrownBy(() -> scale("--generate", "records:50", "--timestamp-format", "M/d/yyyy qqqqqq"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--timestamp-format");
        assertThat(dir.resolve("data")).doesNotExist();
    }
}
