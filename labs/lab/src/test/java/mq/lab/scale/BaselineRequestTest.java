package mq.lab.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mq.common.protocol.RecordSpec;
import mq.producer.input.InputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineRequestTest {
    @TempDir
    Path dir;

    @Test
    void theBaselineJvmReadsBackEveryPartOfTheRecordSpec() throws Exception {
        Path csv = Files.writeString(dir.resolve("MOCK DATA (1).csv"), "customer_no;changed\n1;4/16/2025 9:05\n");
        RecordSpec spec = new RecordSpec("customer_no", "changed", List.of("balance", "a \"quoted\" field"))
                .withKeyType(RecordSpec.KeyType.NUMBER)
                .withTimestampFormat("M/d/yyyy H:mm 'h'", "Europe/Berlin")
                .withCsvDelimiter('\t');
        BaselineRequest request = new BaselineRequest(new LabInput(csv, InputFormat.CSV, spec), 20, 2,
                List.of(500, 1000), List.of(1, 2));
        Path file = dir.resolve("logs").resolve("baseline-work20.json");

        request.write(file);
        BaselineRequest read = BaselineRequest.read(file);

        assertThat(read).isEqualTo(request);
        assertThat(read.job("baseline", 500).recordSpec()).isEqualTo(spec);
        assertThat(read.job("baseline", 500).format()).isEqualTo(InputFormat.CSV);
        assertThat(read.job("baseline", 500).skipBad()).as("the lab never skips bad lines").isFalse();
    }

    @Test
    void aFailedBaselineStopsTheLabSayingWhichOptionsToCheck() {
        assertThat(ResultDigest.requireSucceeded("records count=3 keys=2 sha256=ab")).startsWith("records");
        assertThatThrownBy(() -> ResultDigest.requireSucceeded("failed: MOCK_DATA.csv line 2: no key field 'id'"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no key field 'id'")
                .hasMessageContaining("--key-field");
    }
}
