package mq.lab.chaos;

import java.util.ArrayList;
import java.util.List;

/** What the aggregator said about a job while it ran: merged chunks and records, with the aggregator's clock. */
final class ProgressLog {
    /** One progress message: at {@code at} (epoch ms), {@code chunks} merged holding {@code records}. */
    record Sample(long at, int chunks, long records) {
    }

    private final List<Sample> samples = new ArrayList<>();

    synchronized void add(Sample sample) {
        samples.add(sample);
    }

    synchronized int mergedChunks() {
        return samples.isEmpty() ? 0 : samples.stream().mapToInt(Sample::chunks).max().orElse(0);
    }

    synchronized List<Sample> samples() {
        return List.copyOf(samples);
    }
}
