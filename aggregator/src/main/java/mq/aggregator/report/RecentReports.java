package mq.aggregator.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import mq.common.protocol.JobReport;

/**
 * The last reports the aggregator published, newest last, for its HTTP endpoint. Reports are
 * small (no records), so a few hundred cost little. Safe to read from any thread.
 */
public final class RecentReports {
    public static final int DEFAULT_CAPACITY = 500;

    private final Map<String, JobReport> reports;

    public RecentReports(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.reports = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, JobReport> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void add(JobReport report) {
        reports.remove(report.job());
        reports.put(report.job(), report);
    }

    public synchronized Optional<JobReport> get(String job) {
        return Optional.ofNullable(reports.get(job));
    }

    /** Oldest first. */
    public synchronized List<JobReport> all() {
        return new ArrayList<>(reports.values());
    }
}
