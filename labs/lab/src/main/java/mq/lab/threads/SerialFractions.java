package mq.lab.threads;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import mq.lab.fit.AmdahlFit;

/**
 * Amdahl's law fitted to each threaded strategy at each size. The law describes n
 * processors each running one thread, so only thread counts up to the core count are
 * fitted: beyond it, extra threads add no processor, only switching overhead the law
 * does not model (and which would drag the fitted serial fraction towards 1).
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
                .filter(m -> m.threads() <= result.cores() && m.speedup() > 0 && Double.isFinite(m.speedup()))
                .toList();
        // One thread always predicts a speedup of 1 whatever s is: it takes a second count to fit anything.
        if (cells.stream().noneMatch(m -> m.threads() > 1)) {
            return Optional.empty();
        }
        double[] processors = cells.stream().mapToDouble(Measurement::threads).toArray();
        double[] speedups = cells.stream().mapToDouble(Measurement::speedup).toArray();
        return Optional.of(new Fit(size, strategy, AmdahlFit.fit(processors, speedups), cells.size()));
    }
}
