package mq.lab.scale;

import java.util.ArrayList;
import java.util.List;
import mq.worker.GroupType;

/** The settings a sweep varies; every combination runs {@code repeat} times. */
public record ScaleGrid(List<Integer> workers, List<Integer> threads, List<Integer> chunkSizes,
                        List<Integer> workMicros, List<GroupType> groups, int repeat) {

    public ScaleGrid {
        workers = positive("--workers", workers);
        threads = positive("--threads", threads);
        chunkSizes = positive("--chunk-size", chunkSizes);
        workMicros = List.copyOf(workMicros);
        if (workMicros.isEmpty() || workMicros.stream().anyMatch(w -> w < 0)) {
            throw new IllegalArgumentException("--work-us needs values of 0 or more, was " + workMicros);
        }
        groups = List.copyOf(groups);
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("--group needs consumer, share or both");
        }
        if (repeat < 1) {
            throw new IllegalArgumentException("--repeat must be at least 1, was " + repeat);
        }
    }

    private static List<Integer> positive(String option, List<Integer> values) {
        if (values.isEmpty() || values.stream().anyMatch(v -> v < 1)) {
            throw new IllegalArgumentException(option + " needs values of at least 1, was " + values);
        }
        return values.stream().distinct().sorted().toList();
    }

    /** Every combination, grouped so that the points of one chart line run one after another. */
    public List<ScalePoint> points() {
        List<ScalePoint> points = new ArrayList<>();
        for (int work : workMicros) {
            for (int chunk : chunkSizes) {
                for (GroupType group : groups) {
                    for (int thread : threads) {
                        for (int worker : workers) {
                            points.add(new ScalePoint(group, worker, thread, chunk, work));
                        }
                    }
                }
            }
        }
        return points;
    }

    public int runs() {
        return points().size() * repeat;
    }
}
