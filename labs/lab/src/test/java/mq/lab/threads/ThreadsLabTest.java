package mq.lab.threads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import mq.lab.kernels.NumberType;
import mq.lab.kernels.SumStrategy;
import mq.lab.report.Png;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One small real run, end to end; every test inspects a different output of it. */
class ThreadsLabTest {

    private static final List<Integer> SIZES = List.of(0, 1_000, 10_007);
    private static final List<Integer> THREADS = List.of(1, 3, 24);

    @TempDir
    static Path dir;
    static ThreadsLab.Outcome outcome;
    static String stdout;

    @BeforeAll
    static void runOnce() throws Exception {
        // What `mq threads --sizes 0,1000,10007 --threads 1,3,24 --runs 1 --warmup 0 --bandwidth-mb 1` configures.
        ThreadsConfig config = new ThreadsConfig(SIZES, THREADS, SumStrategy.all(), 1, 0, NumberType.LONG, false, 1, 42,
                dir, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        outcome = new ThreadsLab(new PrintStream(out, true, StandardCharsets.UTF_8), System.err).run(config);
        stdout = out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyCellIsMeasuredAndCorrect() {
        int threaded = (int) SumStrategy.all().stream()
                .filter(s -> s.usesThreads() && s.unavailableReason().isEmpty()).count();

        assertThat(outcome.result().measurements()).hasSize(SIZES.size() * (1 + threaded * THREADS.size()));
        assertThat(outcome.allCorrect()).isTrue();
        assertThat(outcome.result().measurements()).allSatisfy(m -> assertThat(m.runs())
                .isEqualTo(m.strategy().equals("sequential") ? Sweep.BASELINE_RUNS_FACTOR : 1));
    }

    @Test
    void csvHasAHeaderAndOneLinePerCell() throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve(ResultFiles.CSV));

        assertThat(lines.get(0)).startsWith("type,size,strategy,threads,runs,medianMs");
        assertThat(lines).hasSize(1 + outcome.result().measurements().size());
        for (Measurement m : outcome.result().measurements()) {
            assertThat(lines).anyMatch(line -> line.startsWith("long," + m.size() + "," + m.strategy() + "," + m.threads() + ","));
        }
    }

    @Test
    void jsonHasEveryCellTheMachineAndTheExplanation() throws IOException {
        JsonNode json = new ObjectMapper().readTree(dir.resolve(ResultFiles.JSON).toFile());

        assertThat(json.at("/machine/cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(json.at("/machine/bandwidthGigabytesPerSecond").asDouble()).isPositive();
        assertThat(json.get("measurements")).hasSize(outcome.result().measurements().size());
        for (Measurement m : outcome.result().measurements()) {
            assertThat(json.get("measurements")).anyMatch(cell -> cell.get("size").asInt() == m.size()
                    && cell.get("strategy").asText().equals(m.strategy()) && cell.get("threads").asInt() == m.threads()
                    && cell.get("correct").asBoolean());
        }
        assertThat(json.get("explanation")).isNotEmpty();
    }

    @Test
    void chartsAreValidPngs() throws IOException {
        List<String> expected = Stream.concat(Stream.of("time.png", "speedup.png", "efficiency.png"),
                SIZES.stream().map(size -> "strategies-" + size + ".png")).toList();

        for (String file : expected) {
            // 540 high plus a line per series of the legend below the plot.
            Png.assertPngAtLeast(dir.resolve(file), 1000, 540 + mq.lab.report.LineChartWriter.LEGEND_LINE);
        }
    }

    @Test
    void reportShowsChartsAndTable() throws IOException {
        String html = Files.readString(dir.resolve(ThreadsReport.FILE));

        assertThat(html).contains("<img src=\"speedup.png\"", "<img src=\"strategies-10007.png\"", "<table>",
                "<td>10,007</td>", "parallel-stream", "<td>fixed thread pool created once, one slice per thread, futures</td>");
    }

    @Test
    void printsTheCoresTheTableAndTheExplanation() {
        assertThat(stdout).contains(Runtime.getRuntime().availableProcessors() + " cores available",
                "Memory read bandwidth:", "median ms", "10,007", "Every one of the", "Wrote threads.csv");
    }
}
