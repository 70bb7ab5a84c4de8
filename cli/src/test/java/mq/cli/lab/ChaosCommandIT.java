package mq.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import mq.cli.Main;
import mq.lab.chaos.ChaosReport;
import mq.lab.chaos.FaultKind;
import mq.testing.TestBroker;
import mq.testing.TestCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fault once, on a small job, on the test JVM's three-node cluster: each run ends as a correct
 * system ends it (exact; failed with a reason for the killed producer), and the lab writes its report.
 */
class ChaosCommandIT {
    @TempDir
    Path dir;

    @Test
    void everyFaultOnceEndsExactOrFailsWithAReason() throws Exception {
        Path out = dir.resolve("chaos");
        TestCluster.cluster();

        int exit = Main.commandLine().execute("chaos", "--generate", "numbers:200000", "--chunk-size", "1000",
                "--workers", "2", "--faults", "all", "--runs", "1", "--nodes", "3",
                "--cluster-dir", TestCluster.cluster().dir().toString(), "--job-timeout", "40", "--freeze", "4",
                "--deadline", "180", "--heap", "192m", "--no-progress", "--out", out.toString(),
                "--topic-prefix", TestBroker.uniqueName("chaos") + ".", "--chunk-partitions", "6");

        JsonNode document = new ObjectMapper().readTree(out.resolve(ChaosReport.JSON).toFile());
        Map<String, JsonNode> runs = new HashMap<>();
        document.get("runs").forEach(run -> runs.put(run.get("fault").asText(), run));
        assertThat(runs.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(FaultKind.values()).map(FaultKind::optionName).toList());
        for (JsonNode run : runs.values()) {
            String fault = run.get("fault").asText();
            boolean mustFail = fault.equals(FaultKind.KILL_PRODUCER.optionName());
            assertThat(run.get("outcome").asText()).as(fault + ": " + run.get("reason").asText())
                    .isEqualTo(mustFail ? "failed" : "exact");
            assertThat(run.get("expected").asBoolean()).as(fault + ": " + run.get("reason").asText()).isTrue();
            if (!fault.equals(FaultKind.NONE.optionName())) {
                assertThat(run.get("faultAtMs").asLong()).as(fault + " fired: " + run.get("detail").asText()).isNotNegative();
            }
        }
        assertThat(runs.get("kill-producer").get("reason").asText()).isNotBlank();
        assertThat(runs.get("kill-leader").get("detail").asText()).contains("killed (SIGKILL)");
        assertThat(runs.get("duplicate-chunks").get("chunksRedone").asLong()).isPositive();
        assertThat(exit).isZero();

        for (String file : List.of(ChaosReport.CSV, ChaosReport.MANIFEST, ChaosReport.HTML, "recovery.png",
                "timeline-kill-leader.png")) {
            assertThat(out.resolve(file)).as(file).isNotEmptyFile();
        }
        BufferedImage recovery = ImageIO.read(out.resolve("recovery.png").toFile());
        assertThat(recovery.getWidth()).isEqualTo(1000);
        assertThat(Files.readAllLines(out.resolve(ChaosReport.CSV))).hasSize(1 + FaultKind.values().length);
        assertThat(document.get("explanation")).isNotEmpty();
    }

    /** A Mockaroo-style CSV read with its own record options: the producer, a process of its own, reads it as the baseline did. */
    @Test
    void aCsvWithItsOwnRecordOptionsSurvivesDuplicateChunksExactly() throws Exception {
        StringBuilder csv = new StringBuilder("customer_no;changed;balance\n");
        for (int i = 0; i < 3000; i++) {
            csv.append(i % 300 + 1).append(';').append(1 + i % 12).append("/").append(1 + i % 28).append("/2025 ")
                    .append(i % 24).append(':').append(String.format("%02d", i % 60)).append(';').append(i % 97).append(".25\n");
        }
        Path input = Files.writeString(dir.resolve("MOCK_DATA.csv"), csv);
        Path out = dir.resolve("chaos-csv");

        int exit = Main.commandLine().execute("chaos", "--input", input.toString(), "--csv-delimiter", ";",
                "--key-field", "customer_no", "--timestamp-field", "changed", "--timestamp-format", "M/d/yyyy H:mm",
                "--key-type", "number", "--sum-field", "balance", "--chunk-size", "500", "--workers", "2",
                "--faults", "duplicate-chunks", "--job-timeout", "40", "--deadline", "60", "--heap", "192m",
                "--no-progress", "--out", out.toString(), "--bootstrap", TestBroker.bootstrap(),
                "--topic-prefix", TestBroker.uniqueName("chaos-csv") + ".", "--chunk-partitions", "2");

        JsonNode document = new ObjectMapper().readTree(out.resolve(ChaosReport.JSON).toFile());
        for (JsonNode run : document.get("runs")) {
            assertThat(run.get("outcome").asText()).as(run.get("fault").asText() + ": " + run.get("reason").asText())
                    .isEqualTo("exact");
        }
        assertThat(document.get("runs")).hasSize(2);
        assertThat(exit).isZero();
        JsonNode spec = new ObjectMapper().readTree(out.resolve(ChaosReport.MANIFEST).toFile()).get("settings").get("record_spec");
        assertThat(spec.get("keyField").asText()).isEqualTo("customer_no");
        assertThat(spec.get("csvDelimiter").asText()).isEqualTo(";");
    }
}
