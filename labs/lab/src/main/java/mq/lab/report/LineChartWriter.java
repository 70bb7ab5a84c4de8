package mq.lab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws a {@link LineChart} with XChart and saves it as a PNG. */
public final class LineChartWriter {

    private static final int WIDTH = 1000;
    private static final int HEIGHT = 540;
    /** The legend sits below the plot, one entry per line: the image grows by this much per entry. */
    public static final int LEGEND_LINE = 21;
    /** Ungrouped reference lines cycle through these so two of them stay distinguishable. */
    private static final Color[] REFERENCE_COLORS = {Color.DARK_GRAY, new Color(0xB0, 0x30, 0x30), Color.GRAY};
    /** Colours for groups of series, distinguishable also in grey-scale print (Tableau 10). */
    private static final Color[] PALETTE = {new Color(0x4E79A7), new Color(0xF28E2B), new Color(0x59A14F),
        new Color(0xE15759), new Color(0x76B7B2), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
        new Color(0x9C755F), new Color(0xBAB0AC)};

    private final int width;
    private final int height;

    public LineChartWriter() {
        this(WIDTH, HEIGHT);
    }

    /** @param height of the chart without its legend, which adds {@link #LEGEND_LINE} per series below */
    public LineChartWriter(int width, int height) {
        this.width = width;
        this.height = height;
    }

    public Path write(LineChart spec, Path file) throws IOException {
        // Charts are drawn off screen; on a machine without a display AWT must not look for one.
        System.setProperty("java.awt.headless", "true");
        XYChart chart = build(spec);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
        return file;
    }

    int heightWithLegend(LineChart spec) {
        return height + LEGEND_LINE * spec.series().size();
    }

    private static double decades(LineChart spec) {
        double[] y = spec.series().stream().flatMapToDouble(series -> java.util.Arrays.stream(series.y()))
                .filter(v -> v > 0).toArray();
        if (y.length == 0) {
            return 0;
        }
        double min = java.util.Arrays.stream(y).min().orElse(1);
        double max = java.util.Arrays.stream(y).max().orElse(1);
        return Math.log10(max / min);
    }

    XYChart build(LineChart spec) {
        XYChart chart = new XYChartBuilder().width(width).height(heightWithLegend(spec))
                .title(spec.title()).xAxisTitle(spec.xLabel()).yAxisTitle(spec.yLabel()).build();
        XYStyler styler = chart.getStyler();
        // Fluent setters return the base Styler type, so each is its own statement.
        // Legend below the plot, one entry per line, the image taller by as much: beside the plot long names
        // squeezed it, and in a single row below they were cut off.
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Vertical);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(0xDD, 0xDD, 0xDD));
        styler.setYAxisLogarithmic(spec.logarithmicY());
        // Decade-only labels leave a log axis spanning less than ten times nearly unlabelled; over
        // several decades, labels at every step would pile up, so decades are enough there.
        styler.setYAxisLogarithmicDecadeOnly(spec.logarithmicY() && decades(spec) > 2);
        styler.setXAxisMin(0.0);
        if (spec.yMax() != null) {
            styler.setYAxisMax(spec.yMax());
        }
        if (!spec.logarithmicY()) {
            styler.setYAxisMin(0.0);
        }
        boolean wholeX = spec.series().stream().flatMapToDouble(series -> java.util.Arrays.stream(series.x()))
                .allMatch(x -> x == Math.rint(x));
        if (wholeX) {
            // Counts (threads, workers) have no 1.5: label whole ticks only.
            styler.setxAxisTickLabelsFormattingFunction(x -> x == Math.rint(x) ? CompactNumbers.format(x) : "");
        } else {
            styler.setxAxisTickLabelsFormattingFunction(CompactNumbers::format);
        }
        if (spec.logarithmicY()) {
            // XChart places the ticks of a log axis only when it formats them itself (a formatting function
            // makes it space them linearly and mislabel them): a plain pattern at least avoids 2.4E6.
            styler.setYAxisDecimalPattern("#,##0.###");
        } else {
            // 240k and 2.4M, not 240000 or 2.4E6.
            styler.setyAxisTickLabelsFormattingFunction(CompactNumbers::format);
        }
        Map<String, Color> groups = new LinkedHashMap<>();
        int references = 0;
        for (LineChart.Series series : spec.series()) {
            XYSeries drawn = chart.addSeries(series.name(), series.x(), series.y());
            Color color = series.group() == null
                    ? REFERENCE_COLORS[references++ % REFERENCE_COLORS.length]
                    : groups.computeIfAbsent(series.group(), g -> PALETTE[groups.size() % PALETTE.length]);
            drawn.setLineColor(color);
            if (series.kind() == LineChart.Kind.REFERENCE) {
                drawn.setMarker(SeriesMarkers.NONE);
                drawn.setLineStyle(SeriesLines.DASH_DASH);
            } else if (series.kind() == LineChart.Kind.FLOOR) {
                drawn.setMarker(SeriesMarkers.NONE);
                drawn.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {1f, 5f}, 0f));
            } else {
                drawn.setMarker(SeriesMarkers.CIRCLE);
                drawn.setMarkerColor(color);
                drawn.setLineStyle(new BasicStroke(2f));
            }
        }
        return chart;
    }
}
