package mq.lab.threads;

/**
 * One cell of the sweep: a strategy summing one size with one thread count, timed over
 * several runs, compared with the sequential baseline and checked against the exact sum.
 * Times are in milliseconds; flat on purpose, so one record is one CSV line.
 *
 * @param baselineMs         median time of the sequential baseline at this size
 * @param speedup            baselineMs / medianMs
 * @param efficiency         speedup / threads: the share of each thread that did useful work
 * @param gigabytesPerSecond array bytes / median time (10^9 bytes per second)
 * @param bandwidthShare     gigabytesPerSecond / the measured memory bandwidth
 * @param relativeError      |result - exact| / exact, over the worst run
 * @param correct            whether every run was within the type's allowed error of the exact sum
 */
public record Measurement(String type, int size, String strategy, int threads, int runs,
        double medianMs, double minMs, double maxMs, double q1Ms, double q3Ms, double spread,
        double baselineMs, double speedup, double efficiency, double gigabytesPerSecond, double bandwidthShare,
        double result, double relativeError, boolean correct) {
}
