package mq.lab.chaos;

import java.util.List;

/** A run's progress for the timeline chart: when it started, when its fault fired (-1: none), what was merged when. */
public record Timeline(String fault, int run, long startedAt, long faultAt, long endedAt, List<ProgressLog.Sample> samples) {
    public Timeline {
        samples = List.copyOf(samples);
    }
}
