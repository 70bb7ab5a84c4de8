package mq.lab.threads;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Everything a sweep measured, with the look-ups the charts, files and explanation need. */
public record SweepResult(ThreadsConfig config, int cores, String jvm, Bandwidth bandwidth,
        List<Measurement> measurements, List<String> notes) {

    public SweepResult {
        measurements = List.copyOf(measurements);
        notes = List.copyOf(notes);
    }

    public List<Measurement> of(int size, String strategy) {
        return measurements.stream()
                .filter(m -> m.size() == size && m.strategy().equals(strategy))
                .sorted(Comparator.comparingInt(Measurement::threads))
                .toList();
    }

    public Optional<Measurement> find(int size, String strategy, int threads) {
        return of(size, strategy).stream().filter(m -> m.threads() == threads).findFirst();
    }

    public Optional<Measurement> baseline(int size) {
        return find(size, "sequential", 1);
    }

    /** The fastest cell at this size, sequential included. */
    public Optional<Measurement> fastest(int size) {
        return measurements.stream().filter(m -> m.size() == size)
                .min(Comparator.comparingDouble(Measurement::medianMs));
    }

    /** Strategies that ran with threads, in the order they ran. */
    public List<String> threadedStrategies() {
        return measurements.stream().map(Measurement::strategy).distinct()
                .filter(s -> !s.equals("sequential")).toList();
    }

    /**
     * The strategy the summary charts follow: the original exercise ({@code threads}) when
     * it ran, otherwise the first threaded strategy.
     */
    public Optional<String> primaryStrategy() {
        List<String> threaded = threadedStrategies();
        return threaded.contains("threads") ? Optional.of("threads") : threaded.stream().findFirst();
    }
}
