package mq.lab.threads;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a sweep into a few plain sentences. Every number in them comes from the
 * measurements, and which sentence is said depends on what was measured.
 */
public final class Explainer {

    /** Within this share of the best speedup, more threads "no longer help". */
    static final double PLATEAU = 0.95;
    /** Reading at least this share of the measured bandwidth means memory is the limit. */
    static final double MEMORY_BOUND = 0.6;
    /** Reading this much more than the measured bandwidth can only come from the caches. */
    static final double CACHE_MARGIN = 1.2;
    /** Below this speedup, splitting the work did not pay for itself. */
    static final double WORTHWHILE = 1.1;
    /** IQR / median above this marks a cell as noisy. */
    static final double NOISY = 0.2;

    private Explainer() {
    }

    public static List<String> explain(SweepResult result, List<SerialFractions.Fit> fits) {
        List<String> lines = new ArrayList<>();
        lines.add(machine(result));
        for (int size : result.config().sizes()) {
            fastest(result, size).ifPresent(lines::add);
            result.primaryStrategy().flatMap(p -> plateau(result, size, p)).ifPresent(lines::add);
            startUp(result, size).ifPresent(lines::add);
            serialFraction(result, size, fits).ifPresent(lines::add);
        }
        lines.add(correctness(result));
        noise(result).ifPresent(lines::add);
        lines.addAll(result.notes().stream().map(n -> "Note: " + n + ".").toList());
        return lines;
    }

    static String machine(SweepResult result) {
        Bandwidth bandwidth = result.bandwidth();
        String cores = "This JVM can use " + result.cores() + " core" + (result.cores() == 1 ? "" : "s");
        if (!bandwidth.measured()) {
            return cores + "; the memory bandwidth was not measured.";
        }
        return cores + format("; summing a %d MB array with %d threads reads memory at %.1f GB/s, "
                + "the fastest any strategy can sum an array that does not fit in the caches.",
                bandwidth.bytes() >> 20, bandwidth.threads(), bandwidth.gigabytesPerSecond());
    }

    static Optional<String> fastest(SweepResult result, int size) {
        return result.fastest(size).map(best -> {
            String who = best.strategy().equals("sequential")
                    ? "the sequential loop itself: no threaded strategy beat it"
                    : format("%s with %d thread%s, %.2fx faster than the sequential loop (%.3f ms)", best.strategy(),
                            best.threads(), best.threads() == 1 ? "" : "s", best.speedup(), best.baselineMs());
            String memory = best.size() == 0 || !result.bandwidth().measured() ? ""
                    : inCache(result, best)
                            ? format(" It reads %.1f GB/s, more than the memory bandwidth: the %s MB array stays in the "
                                    + "CPU caches between runs.", best.gigabytesPerSecond(), megabytes(size))
                            : best.bandwidthShare() > 1
                                    ? format(" It reads %.1f GB/s, as fast as the measured memory bandwidth (the two "
                                            + "differ by measurement noise).", best.gigabytesPerSecond())
                                    : format(" It reads %.1f GB/s, %.0f%% of the memory bandwidth.",
                                            best.gigabytesPerSecond(), 100 * best.bandwidthShare());
            return format("%s numbers: fastest is %s, at %.3f ms.", ThreadsCharts.count(size), who, best.medianMs())
                    + memory;
        });
    }

    /** Where the speedup of one strategy stops growing, and the likeliest reason. */
    static Optional<String> plateau(SweepResult result, int size, String strategy) {
        List<Measurement> cells = result.of(size, strategy);
        if (cells.size() < 2) {
            return Optional.empty();
        }
        Measurement peak = cells.stream().max(Comparator.comparingDouble(Measurement::speedup)).orElseThrow();
        Measurement knee = cells.stream().filter(m -> m.speedup() >= PLATEAU * peak.speedup()).findFirst().orElse(peak);
        Measurement most = cells.get(cells.size() - 1);
        String where = knee == cells.get(0) ? "is best with" : "stops growing at";
        StringBuilder text = new StringBuilder(format("With '%s', the speedup %s %d thread%s (%.2fx)",
                strategy, where, knee.threads(), knee.threads() == 1 ? "" : "s", knee.speedup()));
        if (most.threads() > knee.threads()) {
            text.append(format(" and is %.2fx with %d threads", most.speedup(), most.threads()));
        }
        text.append(". ");
        int cores = result.cores();
        boolean coresRunOut = knee.threads() >= cores;
        if (peak.speedup() < WORTHWHILE) {
            text.append("Splitting never paid off here: summing this array takes less time than handing out the work.");
        } else if (memoryBound(result, peak) && coresRunOut) {
            text.append(format("Two limits meet there: the %d cores run out (further threads only take turns on "
                    + "them), and at %.1f GB/s the sum already reads %s, so more cores would mostly wait for memory.",
                    cores, peak.gigabytesPerSecond(), shareOfBandwidth(peak)));
        } else if (memoryBound(result, peak)) {
            text.append(format("At its best it reads %s, so memory, not the cores, is the limit: more threads "
                    + "would wait on the same memory bus.", shareOfBandwidth(peak)));
        } else if (coresRunOut) {
            text.append(format("That is where the %d cores run out: further threads only take turns on them, "
                    + "so the best possible speedup is %dx.", cores, cores));
        } else {
            text.append(format("That is below the %d cores: the remaining time is in starting, "
                    + "handing out and combining the work, not in summing.", cores));
        }
        return Optional.of(text.toString());
    }

    /** The price of creating threads for every sum: 'threads' against the same slices on a ready pool. */
    static Optional<String> startUp(SweepResult result, int size) {
        List<Measurement> spawned = result.of(size, "threads");
        if (spawned.isEmpty() || result.of(size, "pool").isEmpty()) {
            return Optional.empty();
        }
        Measurement most = spawned.get(spawned.size() - 1);
        Optional<Measurement> pooled = result.find(size, "pool", most.threads());
        String virtual = result.find(size, "virtual", most.threads())
                .map(v -> format(" %d new virtual threads per sum take %.3f ms: %s.", v.threads(), v.medianMs(),
                        v.medianMs() < most.medianMs()
                                ? format("%.1fx cheaper to start than platform threads", most.medianMs() / v.medianMs())
                                : "no cheaper than platform threads here"))
                .orElse("");
        return pooled.map(pool -> {
            double extraMs = most.medianMs() - pool.medianMs();
            if (extraMs <= 0) {
                return format("Starting %d new threads per sum cost nothing measurable at this size: 'threads' "
                        + "took %.3f ms and the pool %.3f ms.", most.threads(), most.medianMs(), pool.medianMs());
            }
            return format("Starting %d new threads for every sum costs about %.3f ms (%.0f µs per thread): "
                    + "'threads' takes %.3f ms where a ready pool takes %.3f ms for the same slices, "
                    + "so start-up is %.0f%% of its time at this size.", most.threads(), extraMs,
                    1000 * extraMs / most.threads(), most.medianMs(), pool.medianMs(), 100 * extraMs / most.medianMs());
        }).map(text -> text + virtual);
    }

    /**
     * Amdahl's law for the strategy that scaled best within the cores (the only thread
     * counts the fit uses, see {@link SerialFractions}).
     */
    static Optional<String> serialFraction(SweepResult result, int size, List<SerialFractions.Fit> fits) {
        Comparator<SerialFractions.Fit> byBestFittedSpeedup =
                Comparator.comparingDouble(fit -> bestWithinCores(result, fit));
        return fits.stream().filter(f -> f.size() == size).max(byBestFittedSpeedup).map(fit -> {
            if (bestWithinCores(result, fit) < WORTHWHILE) {
                return format("Amdahl's law has nothing to fit at this size: with at most one thread per core (up to "
                        + "%d), no strategy beat the sequential loop by 10%%, so overhead, not a serial fraction of the "
                        + "work, sets the time.", result.cores());
            }
            double s = fit.amdahl().serialFraction();
            String bound = s == 0 ? "no serial part is visible in these points"
                    : format("no number of cores would take it past %.1fx", fit.amdahl().maxSpeedup());
            // R² says nothing about two points, one of which (one thread) every s fits alike.
            String rSquared = fit.points() >= 3 ? format(", R² %.2f", fit.amdahl().rSquared()) : "";
            String quality = fit.points() >= 3 && fit.amdahl().rSquared() < 0.5
                    ? " The fit is loose: these speedups are shaped by overhead and noise more than by Amdahl's law."
                    : "";
            Measurement fastest = result.of(size, fit.strategy()).stream()
                    .max(Comparator.comparingDouble(Measurement::speedup)).orElseThrow();
            String memory = memoryBound(result, fastest)
                    ? format(" Amdahl's law only counts cores, though: reading %s already, more cores would "
                            + "mostly wait for memory.", shareOfBandwidth(fastest))
                    : "";
            return format("Amdahl's law fitted to '%s' (the %d thread counts up to the %d cores) gives a serial "
                    + "fraction of %.1f%%%s: %s.", fit.strategy(), fit.points(), result.cores(), 100 * s, rSquared, bound)
                    + quality + memory;
        });
    }

    private static double bestWithinCores(SweepResult result, SerialFractions.Fit fit) {
        return result.of(fit.size(), fit.strategy()).stream().filter(m -> m.threads() <= result.cores())
                .mapToDouble(Measurement::speedup).max().orElse(0);
    }

    static String correctness(SweepResult result) {
        List<Measurement> wrong = result.measurements().stream().filter(m -> !m.correct()).toList();
        if (!wrong.isEmpty()) {
            Measurement first = wrong.get(0);
            return format("WRONG: %d of %d cells did not match the exact sum, first %s with %d threads at %s numbers "
                    + "(relative error %.1e).", wrong.size(), result.measurements().size(), first.strategy(),
                    first.threads(), ThreadsCharts.count(first.size()), first.relativeError());
        }
        double worst = result.measurements().stream().mapToDouble(Measurement::relativeError).max().orElse(0);
        return worst == 0
                ? format("Every one of the %d cells summed to exactly the right total.", result.measurements().size())
                : format("Every one of the %d cells was within rounding of the exact sum (worst relative error %.1e).",
                        result.measurements().size(), worst);
    }

    static Optional<String> noise(SweepResult result) {
        long noisy = result.measurements().stream().filter(m -> m.spread() > NOISY).count();
        if (noisy == 0) {
            return Optional.empty();
        }
        String text = format("%d of %d cells are noisy (the middle half of their runs spreads over more than "
                + "%.0f%% of the median): other work on this machine interferes; more --runs steady the medians.",
                noisy, result.measurements().size(), 100 * NOISY);
        // Every speedup divides by the baseline, so a disturbed baseline skews a whole size at once.
        List<String> shaky = result.measurements().stream()
                .filter(m -> m.strategy().equals("sequential") && m.spread() > NOISY)
                .map(m -> ThreadsCharts.count(m.size())).toList();
        if (!shaky.isEmpty()) {
            text += format(" The sequential baseline itself is noisy at %s numbers, so every speedup there is "
                    + "uncertain (an efficiency above 100%% is the tell).", String.join(", ", shaky));
        }
        return Optional.of(text);
    }

    /**
     * Faster than memory by a clear margin, and small next to the bandwidth pass's array
     * (at most an eighth: 32 MB for the default pass, the size of a large L3 cache): the
     * data must be coming from the caches. A larger array that beats the bandwidth pass
     * only shows the noise in the two figures.
     */
    static boolean inCache(SweepResult result, Measurement m) {
        return result.bandwidth().measured() && m.bandwidthShare() > CACHE_MARGIN
                && 8L * m.size() * Long.BYTES <= result.bandwidth().bytes();
    }

    /** Reads a large share of the bandwidth, from memory rather than from the caches. */
    static boolean memoryBound(SweepResult result, Measurement m) {
        return result.bandwidth().measured() && m.bandwidthShare() >= MEMORY_BOUND && !inCache(result, m);
    }

    /** "84% of the memory bandwidth", or, when noise puts a cell above the bandwidth pass, "all of it". */
    private static String shareOfBandwidth(Measurement m) {
        return m.bandwidthShare() <= 1
                ? format("%.0f%% of the memory bandwidth", 100 * m.bandwidthShare())
                : "all of the memory bandwidth";
    }

    private static String megabytes(int size) {
        return format("%.0f", 8.0 * size / (1 << 20));
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
