package mq.worker.reduce;

import java.util.ArrayList;
import java.util.List;
import mq.common.protocol.BadLine;
import mq.common.protocol.Partial;

/** Counts the bad lines of a chunk and keeps the first few as samples. */
final class BadLines {
    private long count;
    private final List<BadLine> samples = new ArrayList<>();

    void add(long line, String text, String error) {
        count++;
        if (samples.size() < Partial.MAX_BAD_SAMPLES) {
            samples.add(new BadLine(line, text, error));
        }
    }

    long count() {
        return count;
    }

    List<BadLine> samples() {
        return List.copyOf(samples);
    }
}
