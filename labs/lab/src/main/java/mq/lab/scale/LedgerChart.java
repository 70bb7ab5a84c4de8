package mq.lab.scale;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mq.lab.report.CompactNumbers;
import mq.lab.report.LineChartWriter;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** Stacked bars per worker count: where a chunk's time goes, from produced to merged (mean per chunk). */
public final class LedgerChart {
    private LedgerChart() {
    }

    public static Path write(String title, List<PointSummary> line, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        // Three legend entries below the plot, one per line, as in every line chart of the labs.
        CategoryChart chart = new CategoryChartBuilder().width(1000).height(540 + 3 * LineChartWriter.LEGEND_LINE)
                .title(title).xAxisTitle("workers").yAxisTitle("ms per chunk (mean)").build();
        chart.getStyler().setStacked(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(CompactNumbers::format);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setSeriesColors(new Color[] {new Color(0xBAB0AC), new Color(0x4E79A7), new Color(0xF28E2B)});
        List<String> workers = line.stream().map(s -> Integer.toString(s.workers())).toList();
        chart.addSeries("waiting in the queue", workers, line.stream().map(PointSummary::meanQueueMs).toList());
        chart.addSeries("processing (incl. its poll batch)", workers, line.stream().map(PointSummary::meanProcessingMs).toList());
        chart.addSeries("partial to aggregator", workers, line.stream().map(PointSummary::meanDeliveryMs).toList());
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        return file;
    }
}
