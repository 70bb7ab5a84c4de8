package mq.lab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a line chart shows, independent of how it is drawn: a title, labelled axes and
 * named series. Immutable; the {@code with...} methods return changed copies.
 *
 * @param yMax upper end of the y axis, or {@code null} to fit the data
 */
public record LineChart(String title, String xLabel, String yLabel, List<Series> series,
        boolean logarithmicY, Double yMax) {

    public LineChart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        series = List.copyOf(series);
    }

    public static LineChart of(String title, String xLabel, String yLabel) {
        return new LineChart(title, xLabel, yLabel, List.of(), false, null);
    }

    public LineChart with(Series added) {
        List<Series> all = new ArrayList<>(series);
        all.add(added);
        return new LineChart(title, xLabel, yLabel, all, logarithmicY, yMax);
    }

    public LineChart withLogarithmicY() {
        return new LineChart(title, xLabel, yLabel, series, true, yMax);
    }

    public LineChart withYMax(double max) {
        return new LineChart(title, xLabel, yLabel, series, logarithmicY, max);
    }

    /** How a series is drawn: measured data with markers, or a dashed reference line. */
    /** DATA: measured, solid with markers; REFERENCE: dashed; FLOOR: dotted, for what the bare transport allows. */
    public enum Kind {
        DATA, REFERENCE, FLOOR
    }

    /**
     * @param group series with the same group share a colour (a measured line and its
     *              baseline, say); {@code null} draws a reference line in grey
     */
    public record Series(String name, double[] x, double[] y, Kind kind, String group) {
        public Series {
            Objects.requireNonNull(name, "name");
            if (x.length != y.length || x.length == 0) {
                throw new IllegalArgumentException("series '" + name + "' needs as many x as y values, at least one");
            }
            x = x.clone();
            y = y.clone();
        }

        public static Series data(String name, double[] x, double[] y) {
            return new Series(name, x, y, Kind.DATA, name);
        }

        public static Series reference(String name, double[] x, double[] y) {
            return new Series(name, x, y, Kind.REFERENCE, null);
        }

        public Series inGroup(String name) {
            return new Series(this.name, x, y, kind, name);
        }
    }
}
