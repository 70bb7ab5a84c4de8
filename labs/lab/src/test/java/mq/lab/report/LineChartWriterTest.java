package mq.lab.report;

import static mq.lab.report.Png.assertPng;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineChartWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesADecodablePng() throws IOException {
        LineChart chart = LineChart.of("Speedup", "threads", "speedup (x)")
                .with(LineChart.Series.data("measured", new double[] {1, 2, 4}, new double[] {1, 1.8, 1.9}))
                .with(LineChart.Series.reference("ideal", new double[] {1, 4}, new double[] {1, 4}))
                .withYMax(5);

        Path file = new LineChartWriter(400, 300).write(chart, dir.resolve("sub/chart.png"));

        assertPng(file, 400, 300 + 2 * LineChartWriter.LEGEND_LINE);
    }

    @Test
    void writesALogarithmicChart() throws IOException {
        LineChart chart = LineChart.of("Time", "threads", "ms").withLogarithmicY()
                .with(LineChart.Series.data("a", new double[] {1, 2}, new double[] {0.5, 50}));

        assertPng(new LineChartWriter().write(chart, dir.resolve("log.png")), 1000, 540 + LineChartWriter.LEGEND_LINE);
    }

    @Test
    void aLinearAxisSaysThousandsAndMillionsShortlyButALogAxisKeepsItsOwnTicks() {
        LineChart linear = LineChart.of("t", "x", "y").with(LineChart.Series.data("a", new double[] {1, 2}, new double[] {1, 2}));

        assertThat(new LineChartWriter().build(linear).getStyler().getyAxisTickLabelsFormattingFunction().apply(2_400_000.0))
                .isEqualTo("2.4M");
        // A formatting function would make XChart space a log axis's ticks linearly, and mislabel them.
        assertThat(new LineChartWriter().build(linear.withLogarithmicY()).getStyler().getyAxisTickLabelsFormattingFunction())
                .isNull();
    }

    @Test
    void rejectsSeriesOfDifferentLengths() {
        assertThatThrownBy(() -> LineChart.Series.data("bad", new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad");
    }
}
