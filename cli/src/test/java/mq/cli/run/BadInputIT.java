package mq.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import mq.common.protocol.JobReport;
import mq.common.protocol.Json;
import mq.producer.input.InputFormat;
import mq.producer.input.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input fails the job with the file, line and text, or is skipped and counted with --skip-bad. */
class BadInputIT {
    @TempDir
    Path dir;

    private final RunFixture fixture = new RunFixture();

    @Test
    void aNonNumberFailsTheJobNamingFileLineAndText() throws Exception {
        Path input = Files.writeString(dir.resolve("numbers.txt"), "1\n2\n\n3\nforty-two\n5\n");
        Path out = dir.resolve("out");

        JobReport report = fixture.run(1, RunFixture.request("bad-number", input, InputFormat.NUMBERS, 2, false, out), out);

        assertThat(report.status()).isEqualTo(JobReport.FAILED);
        assertThat(report.error()).contains("numbers.txt", "line 5", "forty-two", "--skip-bad");
        assertThat(report.sum()).isNull(); // nothing partial is reported as a result
    }

    @Test
    void skipBadCountsAndQuotesTheBadLines() throws Exception {
        Path input = Files.writeString(dir.resolve("numbers.txt"), "1\r\n2.5\r\nx\r\n\r\n1e2\r\n{}\r\n");
        Path out = dir.resolve("out");

        JobReport report = fixture.run(1, RunFixture.request("skip-bad", input, InputFormat.NUMBERS, 2, true, out), out);

        assertThat(report.succeeded()).isTrue();
        assertThat(report.count()).isEqualTo(3);
        assertThat(report.sum()).isEqualByComparingTo("103.5");
        assertThat(report.skipped().count()).isEqualTo(2);
        assertThat(report.skipped().first()).extracting(b -> b.line() + ":" + b.text()).containsExactly("3:x", "6:{}");
    }

    @Test
    void recordsWithoutKeyOrTimestampFailTheJob() throws Exception {
        Path input = Files.writeString(dir.resolve("r.jsonl"), """
                {"id": 1, "updated_at": "2024-01-01T00:00:00Z"}
                {"name": "no id", "updated_at": "2024-01-01T00:00:00Z"}
                """);
        Path out = dir.resolve("out");

        JobReport report = fixture.run(1, RunFixture.request("no-key", input, InputFormat.JSON_LINES, 10, false, out), out);

        assertThat(report.status()).isEqualTo(JobReport.FAILED);
        assertThat(report.error()).contains("r.jsonl", "line 2", "no key field 'id'", "no id");
    }

    @Test
    void malformedJsonArrayStopsTheProducerWithLineAndText() throws Exception {
        Path input = Files.writeString(dir.resolve("broken.json"), """
                [
                  {"id": 1, "updated_at": "2024-01-01T00:00:00Z"},
                  {"id": 2, "updated_at": "2024-01-01T00:00:00Z",,}
                ]
                """);
        Path out = dir.resolve("out");

        assertThatThrownBy(() -> fixture.run(1, RunFixture.request("broken", input, InputFormat.JSON_ARRAY, 10, false, out), out))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("\"id\": 2");
    }

    @Test
    void theRunCommandExitsNonZeroAndSaysWhatIsWrong() throws Exception {
        Path input = Files.writeString(dir.resolve("numbers.txt"), "7\nseven\n");
        Path out = dir.resolve("out");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int exit;
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            exit = mq.cli.Main.commandLine().execute("run", "--input", input.toString(), "--workers", "1",
                    "--bootstrap", fixture.client.bootstrap(), "--topic-prefix", fixture.prefix,
                    "--chunk-partitions", "2", "--no-progress", "--heap", "256m", "--out", out.toString());
        } finally {
            System.setOut(original);
        }

        assertThat(exit).isEqualTo(1);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("FAILED", "numbers.txt, line 2", "seven");
        JobReport written = Json.MAPPER.readValue(out.resolve("report.json").toFile(), JobReport.class);
        assertThat(written.status()).isEqualTo(JobReport.FAILED);
    }
}
