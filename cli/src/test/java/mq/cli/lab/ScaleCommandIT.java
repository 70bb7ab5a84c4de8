package mq.cli.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import mq.aggregator.job.ChunkTiming;
import mq.cli.Main;
import mq.common.protocol.JobReport;
import mq.common.protocol.Json;
import mq.lab.scale.Ledger;
import mq.lab.scale.ScaleCharts;
import mq.lab.scale.ScaleReport;
import mq.testing.TestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny sweep end to end against a real broker: every run exact, every file written, the ledgers
 * add up. The share-group runs have more workers (3) than the chunk topic has partitions (2).
 */
class ScaleCommandIT {
    @TempDir
    Path dir;

    @Test
    void aTinySweepOfBothGroupTypesIsExactAndWritesItsReport() throws Exception {
        Path out = dir.resolve("scale");

        int exit = Main.commandLine().execute("scale", "--generate", "numbers:20000", "--workers", "1,3",
                "--chunk-size", "1000", "--group", "consumer,share", "--repeat", "1", "--heap", "256m",
                "--no-progress", "--out", out.toString(), "--bootstrap", TestBroker.bootstrap(),
                "--topic-prefix", TestBroker.uniqueName("scale") + ".", "--chunk-partitions", "2");

        assertThat(exit).isZero();
        for (String file : List.of(ScaleReport.CSV, ScaleReport.JSON, ScaleReport.MANIFEST, ScaleReport.HTML)) {
            assertThat(out.resolve(file)).isNotEmptyFile();
        }
        for (String png : List.of(ScaleCharts.THROUGHPUT, ScaleCharts.SPEEDUP, ScaleCharts.EFFICIENCY, ScaleReport.LEDGER)) {
            // The PNG format itself is checked by the labs' chart tests; here: each chart decodes at its size.
            BufferedImage image = ImageIO.read(out.resolve(png).toFile());
            assertThat(image).as(png).isNotNull();
            assertThat(image.getWidth()).isEqualTo(1000);
        }
        assertThat(out.resolve(ScaleReport.TIMELINE)).isNotEmptyFile();

        JsonNode document = new ObjectMapper().readTree(out.resolve(ScaleReport.JSON).toFile());
        assertThat(document.get("inexact")).isEmpty();
        assertThat(document.get("runs")).hasSize(4);
        assertThat(document.get("manifest").get("machine").get("cores").asInt()).isPositive();
        assertThat(Files.readAllLines(out.resolve(ScaleReport.CSV))).hasSize(1 + 4);
        // The raw queue for the one chunk size, and the JIT mode of roles and baseline alike.
        assertThat(document.get("rawQueue")).hasSize(1);
        assertThat(document.get("rawQueue").get(0).get("recordsPerS").asDouble()).isPositive();
        assertThat(document.get("manifest").get("settings").get("jit").asText()).isEqualTo("auto");
        assertThat(document.get("manifest").get("settings").get("jit_resolved").get("work_us_0").asText()).isEqualTo("c1");

        for (JsonNode run : document.get("runs")) {
            Path runDir = Path.of(run.get("outDir").asText());
            assertThat(new ObjectMapper().readTree(runDir.resolve("report.json").toFile()).get("run").get("jit").asText())
                    .as("auto, without busy work").isEqualTo("c1");
            JobReport report = Json.MAPPER.readValue(runDir.resolve("report.json").toFile(), JobReport.class);
            List<ChunkTiming> timings = Ledger.read(runDir);
            // The timeline holds every chunk once, by the workers the report names, with the report's counts
            assertThat(timings).hasSize(report.chunks());
            assertThat(timings.stream().map(ChunkTiming::chunk).distinct()).hasSize(report.chunks());
            Map<String, Long> perWorker = timings.stream().collect(Collectors.groupingBy(ChunkTiming::worker, Collectors.counting()));
            report.perWorker().forEach((worker, share) -> assertThat(perWorker.get(worker)).isEqualTo(share.chunks()));
            // and the ledger's parts add up to the chunks' lifetimes, whose queue part is the report's queue wait
            Ledger ledger = Ledger.of(timings, run.get("workers").asInt(), report.timings().endToEndMs());
            assertThat(ledger.meanQueueMs() + ledger.meanProcessingMs() + ledger.meanDeliveryMs())
                    .isCloseTo(ledger.meanLifetimeMs(), org.assertj.core.api.Assertions.within(1e-6));
            assertThat(ledger.meanQueueMs()).isCloseTo(report.timings().queueWaitMs().mean(),
                    org.assertj.core.api.Assertions.within(0.1));
            assertThat(run.get("digest").asText()).startsWith("numbers count=20000");
        }
    }

    /**
     * A Mockaroo-style CSV with its own key, timestamp and sum fields, minute timestamps (ties that the
     * later record wins) and number keys: the baseline, the raw queue and every run read it alike.
     */
    @Test
    void aMockarooCsvWithItsOwnRecordOptionsIsExactInEveryRun() throws Exception {
        Path schema = Files.writeString(dir.resolve("customers.json"), """
                {"fields": [
                  {"name": "customer_no", "type": "Record Key", "keys": 300},
                  {"name": "name", "type": "First Name"},
                  {"name": "balance", "type": "Number", "min": -500, "max": 5000, "decimals": 2},
                  {"name": "changed", "type": "Version Timestamp", "min": "01/01/2025", "max": "12/31/2025",
                   "format": "%-m/%-d/%Y %-H:%M"}
                ]}
                """);
        Path csv = dir.resolve("MOCK_DATA.csv");
        assertThat(Main.commandLine().execute("generate", "records", "--schema", schema.toString(), "--format", "csv",
                "--count", "3000", "--no-progress", "--out", csv.toString())).isZero();
        Path out = dir.resolve("scale-csv");

        int exit = Main.commandLine().execute("scale", "--input", csv.toString(), "--key-field", "customer_no",
                "--timestamp-field", "changed", "--timestamp-format", "M/d/yyyy H:mm", "--key-type", "number",
                "--sum-field", "balance", "--workers", "1,2", "--chunk-size", "500", "--repeat", "1",
                "--baseline-threads", "1", "--heap", "256m", "--no-progress", "--out", out.toString(),
                "--bootstrap", TestBroker.bootstrap(), "--topic-prefix", TestBroker.uniqueName("scale-csv") + ".",
                "--chunk-partitions", "2");

        assertThat(exit).isZero();
        JsonNode document = new ObjectMapper().readTree(out.resolve(ScaleReport.JSON).toFile());
        assertThat(document.get("inexact")).isEmpty();
        assertThat(document.get("runs")).hasSize(2);
        JsonNode settings = new ObjectMapper().readTree(out.resolve(ScaleReport.MANIFEST).toFile()).get("settings");
        assertThat(settings.get("format").asText()).isEqualTo("csv");
        JsonNode spec = settings.get("record_spec");
        assertThat(spec.get("keyField").asText()).isEqualTo("customer_no");
        assertThat(spec.get("timestampField").asText()).isEqualTo("changed");
        assertThat(spec.get("timestampFormat").asText()).isEqualTo("M/d/yyyy H:mm");
        assertThat(spec.get("keyType").asText()).isEqualTo("number");
        assertThat(spec.get("sumFields")).extracting(JsonNode::asText).containsExactly("balance");
        for (JsonNode run : document.get("runs")) {
            assertThat(run.get("digest").asText()).startsWith("records count=3000 keys=300 balance=");
            // Number keys sort as numbers: 1, 2, 3 ... not 1, 10, 100 as text would.
            List<String> latest = Files.readAllLines(Path.of(run.get("outDir").asText()).resolve("records.jsonl"));
            assertThat(latest).hasSize(300);
            assertThat(new ObjectMapper().readTree(latest.get(1)).get("customer_no").asText()).isEqualTo("2");
        }
    }
}
