package mq.lab.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import mq.aggregator.job.ChunkTiming;
import mq.lab.fit.UslFit;
import mq.lab.report.Png;
import mq.worker.GroupType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaleUnitsTest {
    @TempDir
    Path dir;

    @Test
    void theGridRunsEveryCombinationWithLinesTogether() {
        ScaleGrid grid = new ScaleGrid(List.of(4, 1, 2), List.of(1, 2), List.of(1000), List.of(0, 10),
                List.of(GroupType.CONSUMER, GroupType.SHARE), 3);

        List<ScalePoint> points = grid.points();

        assertThat(points).hasSize(3 * 2 * 2 * 2);
        assertThat(grid.runs()).isEqualTo(points.size() * 3);
        assertThat(points.subList(0, 3)).extracting(ScalePoint::workers).containsExactly(1, 2, 4);
        assertThat(points.subList(0, 3)).extracting(ScalePoint::series).containsOnly(points.get(0).series());
    }

    @Test
    void badGridValuesSayWhichOption() {
        assertThatThrownBy(() -> new ScaleGrid(List.of(0), List.of(1), List.of(1), List.of(0), List.of(GroupType.CONSUMER), 1))
                .hasMessageContaining("--workers");
        assertThatThrownBy(() -> new ScaleGrid(List.of(1), List.of(1), List.of(1), List.of(-1), List.of(GroupType.CONSUMER), 1))
                .hasMessageContaining("--work-us");
        assertThatThrownBy(() -> new ScaleGrid(List.of(1), List.of(1), List.of(1), List.of(0), List.of(GroupType.CONSUMER), 0))
                .hasMessageContaining("--repeat");
    }

    @Test
    void theLedgerSplitsEachChunksLifeExactly() {
        List<ChunkTiming> timings = List.of(
                new ChunkTiming(0, "a", 10, 1_000, 1_010, 1_030, 1_040, 15_000),
                new ChunkTiming(1, "b", 10, 1_000, 1_020, 1_050, 1_090, 25_000));

        Ledger ledger = Ledger.of(timings, 2, 100);

        assertThat(ledger.meanQueueMs()).isEqualTo(15.0);
        assertThat(ledger.meanProcessingMs()).isEqualTo(25.0);
        assertThat(ledger.meanDeliveryMs()).isEqualTo(25.0);
        assertThat(ledger.meanQueueMs() + ledger.meanProcessingMs() + ledger.meanDeliveryMs()).isEqualTo(ledger.meanLifetimeMs());
        assertThat(ledger.busyMs()).isEqualTo(40);
        assertThat(ledger.utilization()).isCloseTo(0.2, within(1e-9));
    }

    @Test
    void theUslFitFindsAKnownPeak() {
        double sigma = 0.05;
        double kappa = 0.02;
        List<PointSummary> line = new ArrayList<>();
        for (int n : new int[] {1, 2, 4, 8, 16}) {
            double speedup = UslFit.speedup(sigma, kappa, n);
            line.add(new PointSummary("s", "consumer", n, 1, 1000, 0, 1, 1000 * speedup, 0, 0, 0, speedup,
                    speedup / n, 0, 0, 0, 0));
        }

        UslSummary fit = UslSummary.fit(line).get(0);

        assertThat(fit.sigma()).isCloseTo(sigma, within(1e-3));
        assertThat(fit.kappa()).isCloseTo(kappa, within(1e-4));
        assertThat(fit.predictedBestWorkers()).isEqualTo((int) Math.round(Math.sqrt((1 - sigma) / kappa)));
    }

    @Test
    void theTimelineIsAPngWithALanePerWorker() throws Exception {
        List<ChunkTiming> timings = List.of(
                new ChunkTiming(0, "worker-1", 10, 1_000, 1_010, 1_030, 1_040, 15_000),
                new ChunkTiming(1, "worker-2", 10, 1_000, 1_020, 1_050, 1_090, 25_000),
                new ChunkTiming(2, "worker-3", 10, 1_005, 1_060, 1_080, 1_100, 20_000));

        Path file = TimelineChart.write("test", timings, 1_000, 1_005, dir.resolve("timeline.png"));

        BufferedImage image = ImageIO.read(file.toFile());
        Png.assertPng(file, 1200, image.getHeight());
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(3 * 28);
    }

    @Test
    void theLedgerChartIsAPng() throws Exception {
        List<PointSummary> line = List.of(
                new PointSummary("s", "consumer", 1, 1, 1000, 0, 1, 100, 100, 100, 10, 1, 1, 5, 3, 2, 0.5),
                new PointSummary("s", "consumer", 2, 1, 1000, 0, 1, 180, 180, 180, 6, 1.8, 0.9, 2, 3, 2, 0.4));

        Path file = LedgerChart.write("ledger", line, dir.resolve("ledger.png"));

        Png.assertPng(file, 1000, 540 + 3 * mq.lab.report.LineChartWriter.LEGEND_LINE);
    }

    @Test
    void speedupIsAgainstTheFewestWorkersOfTheSameLine() {
        ScaleGrid grid = new ScaleGrid(List.of(1, 2), List.of(1), List.of(1000), List.of(0), List.of(GroupType.CONSUMER), 2);
        List<RunResult> runs = new ArrayList<>();
        for (ScalePoint point : grid.points()) {
            for (int r = 1; r <= 2; r++) {
                double throughput = point.workers() == 1 ? 100 + r : 190 + r;
                runs.add(new RunResult("consumer", point.workers(), 1, 1000, 0, r, "j", true, 1000, 1, 10, 1, 1, 1,
                        throughput, 1, 1, 1, 0.5, 0, "d", "x"));
            }
        }

        List<PointSummary> summaries = ScaleSweep.summarise(grid, runs);

        assertThat(summaries).extracting(PointSummary::medianRecordsPerS).containsExactly(101.5, 191.5);
        assertThat(summaries.get(1).speedup()).isCloseTo(191.5 / 101.5, within(1e-3));
        assertThat(summaries.get(1).efficiency()).isCloseTo(191.5 / 101.5 / 2, within(1e-3));
    }
}
