package mq.lab.chaos;

import java.time.Duration;
import java.util.List;

/**
 * How the lab runs its jobs.
 *
 * @param faults     the faults to try, each {@code runs} times (plus as many fault-free runs)
 * @param jobTimeout the aggregator fails a job silent this long (a killed producer's job ends so)
 * @param freeze     how long a frozen worker stays stopped: longer than the group's session timeout
 * @param deadline   a run without a final report after this long is hung
 * @param seed       where in each job its fault fires is drawn from this seed
 */
public record ChaosSettings(List<FaultKind> faults, int runs, int workers, int threads, int chunkSize, String heap,
                            Duration jobTimeout, Duration freeze, Duration deadline, long seed) {
    public ChaosSettings {
        faults = List.copyOf(faults);
        if (runs < 1) throw new IllegalArgumentException("--runs must be at least 1, was " + runs);
        if (workers < 2) throw new IllegalArgumentException("--workers must be at least 2 (one is killed), was " + workers);
        if (threads < 1) throw new IllegalArgumentException("--threads must be at least 1, was " + threads);
        if (chunkSize < 1) throw new IllegalArgumentException("--chunk-size must be at least 1, was " + chunkSize);
        if (deadline.compareTo(jobTimeout) <= 0) {
            throw new IllegalArgumentException("--deadline (" + deadline.toSeconds() + " s) must be longer than --job-timeout ("
                    + jobTimeout.toSeconds() + " s): a killed producer's job fails only after the job timeout");
        }
    }
}
