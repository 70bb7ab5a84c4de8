package mq.lab.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mq.lab.fit.AmdahlFit;

/**
 * Amdahl's law fitted to each threaded strategy at each size. Amdahl assumes one processor
 * per thread; with more threads than cores the extra threads only take turns, so each
 * point is fitted at {@code min(threads, cores)} processors.
 */
public final class SerialFractions {

    private SerialFractions() {
    }

    /** @param points how many thread counts the fit used */
    public record Fit(int size, String strategy, AmdahlFit amdahl, int points) {
    }

    public static List<Fit> of(SweepResult result) {
        List<Fit> fits = new ArrayList<>();
        for (int size : result.config().sizes()) {
            for (String strategy : result.threadedStrategies()) {
                fit(result, size, strategy).ifPresent(fits::add);
            }
        }
        return fits;
    }

    public static Optional<Fit> fit(SweepResult result, int size, String strategy) {
        List<Measurement> cells = result.of(size, strategy).stream()
                .filter(m -> m.speedup() > 0 && Double.isFinite(m.speedup())).toList();
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        double[] processors = cells.stream().mapToDouble(m -> Math.min(m.threads(), result.cores())).toArray();
        double[] speedups = cells.stream().mapToDouble(Measurement::speedup).toArray();
        return Optional.of(new Fit(size, strategy, AmdahlFit.fit(processors, speedups), cells.size()));
    }
}
