package mq.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import mq.common.protocol.RecordSpec;
import mq.producer.JobPublisher;
import mq.producer.input.InputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

class JobOptionsTest {
    @TempDir
    Path dir;

    @Command(name = "job")
    static final class Holder {
        @Mixin
        JobOptions job;
    }

    private JobPublisher.Request request(String... args) throws IOException {
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.job.request("job-1", dir);
    }

    @Test
    void aMockarooCsvWithItsDateFormatBecomesACsvJobWithThatSpec() throws IOException {
        Path csv = Files.writeString(dir.resolve("MOCK_DATA.csv"), "id,updated_at\n1,4/16/2025\n");

        JobPublisher.Request request = request("--input", csv.toString(), "--timestamp-format", "M/d/yyyy",
                "--timestamp-zone", "Europe/Berlin", "--key-type", "number", "--csv-delimiter", "tab");

        assertThat(request.format()).isEqualTo(InputFormat.CSV);
        assertThat(request.recordSpec().timestampFormat()).isEqualTo("M/d/yyyy");
        assertThat(request.recordSpec().timestampZone()).isEqualTo("Europe/Berlin");
        assertThat(request.recordSpec().keyType()).isEqualTo(RecordSpec.KeyType.NUMBER);
        assertThat(request.recordSpec().csvDelimiter()).isEqualTo('\t');
    }

    @Test
    void aBadPatternZoneKeyTypeOrDelimiterIsAUsageErrorThatSaysWhatToUse() throws IOException {
        String csv = Files.writeString(dir.resolve("x.csv"), "id\n").toString();

        assertThatThrownBy(() -> request("--input", csv, "--timestamp-format", "M/d/yyyy qqqqqq"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a java.time pattern");
        assertThatThrownBy(() -> request("--input", csv, "--timestamp-zone", "Mars/Olympus"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a zone");
        assertThatThrownBy(() -> request("--input", csv, "--key-type", "text"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use auto or number");
        assertThatThrownBy(() -> request("--input", csv, "--csv-delimiter", "\""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delimiter");
    }
}
