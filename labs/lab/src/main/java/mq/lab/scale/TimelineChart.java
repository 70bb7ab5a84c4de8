package mq.lab.scale;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import mq.aggregator.job.ChunkTiming;

/**
 * A per-chunk timeline of one run: a lane per worker, a bar per chunk over the time the worker was
 * actually reducing it, coloured by the job's phase (while the producer was still sending, or
 * after). Gaps in a lane are idle time; a long last bar is a straggler; a lane that stops early
 * lost its partitions (a rebalance or a crash).
 */
public final class TimelineChart {
    private static final Color PRODUCING = new Color(0x4E79A7);
    private static final Color DRAINING = new Color(0xF28E2B);
    private static final int WIDTH = 1200;
    private static final int LANE = 28;
    private static final int LEFT = 120;
    private static final int TOP = 60;
    private static final int BOTTOM = 60;

    private TimelineChart() {
    }

    /**
     * @param startedAt  the job's start (epoch ms): the chart's zero
     * @param producedBy when the producer finished (epoch ms)
     */
    public static Path write(String title, List<ChunkTiming> chunks, long startedAt, long producedBy, Path file)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> workers = List.copyOf(new TreeSet<>(chunks.stream().map(ChunkTiming::worker).toList()));
        long end = chunks.stream().mapToLong(ChunkTiming::mergedAt).max().orElse(startedAt + 1);
        double span = Math.max(1, end - startedAt);
        int height = TOP + BOTTOM + LANE * Math.max(1, workers.size());
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, LEFT, 24);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            int plotWidth = WIDTH - LEFT - 30;
            for (int lane = 0; lane < workers.size(); lane++) {
                int y = TOP + lane * LANE;
                g.setColor(lane % 2 == 0 ? new Color(0xF4F4F4) : Color.WHITE);
                g.fillRect(LEFT, y, plotWidth, LANE);
                g.setColor(Color.DARK_GRAY);
                g.drawString(workers.get(lane), 10, y + LANE / 2 + 5);
            }
            for (ChunkTiming chunk : chunks) {
                int lane = workers.indexOf(chunk.worker());
                long busyStart = chunk.doneAt() - Math.max(1, chunk.busyMicros() / 1000);
                int x0 = LEFT + (int) ((Math.max(busyStart, chunk.pickedUpAt()) - startedAt) / span * plotWidth);
                int x1 = LEFT + (int) ((chunk.doneAt() - startedAt) / span * plotWidth);
                g.setColor(chunk.doneAt() <= producedBy ? PRODUCING : DRAINING);
                g.fillRect(x0, TOP + lane * LANE + 4, Math.max(1, x1 - x0), LANE - 8);
            }
            int axisY = TOP + workers.size() * LANE;
            g.setColor(Color.BLACK);
            g.drawLine(LEFT, axisY, LEFT + plotWidth, axisY);
            for (int i = 0; i <= 10; i++) {
                int x = LEFT + i * plotWidth / 10;
                g.drawLine(x, axisY, x, axisY + 5);
                double seconds = span * i / 10 / 1000;
                // Enough decimals that neighbouring ticks never print the same label.
                String label = span < 2_000 ? String.format("%.2f s", seconds) : span < 20_000
                        ? String.format("%.1f s", seconds) : String.format("%.0f s", seconds);
                g.drawString(label, x - 12, axisY + 20);
            }
            int producedX = LEFT + (int) ((producedBy - startedAt) / span * plotWidth);
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            g.drawLine(producedX, TOP - 6, producedX, axisY);
            g.drawString("producer done", producedX + 4, TOP - 8);
            g.setStroke(new BasicStroke(1f));
            legend(g, LEFT, axisY + 42);
        } finally {
            g.dispose();
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static void legend(Graphics2D g, int x, int y) {
        g.setColor(PRODUCING);
        g.fillRect(x, y - 10, 14, 10);
        g.setColor(Color.BLACK);
        g.drawString("reduced while the producer was sending", x + 20, y);
        g.setColor(DRAINING);
        g.fillRect(x + 300, y - 10, 14, 10);
        g.setColor(Color.BLACK);
        g.drawString("reduced after the last chunk was sent", x + 320, y);
        g.drawString("time since the job started", x + 620, y);
    }
}
