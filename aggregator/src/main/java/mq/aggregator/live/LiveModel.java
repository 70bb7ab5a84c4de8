package mq.aggregator.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import mq.aggregator.AggregatorObserver;
import mq.aggregator.report.ReportFiles;
import mq.common.protocol.JobEvent;
import mq.common.protocol.JobReport;
import mq.common.protocol.Partial;
import mq.common.protocol.WorkerHeartbeat;

/**
 * The live page's picture of the system, fed by what the aggregator already reads: job events and
 * partials (as an {@link AggregatorObserver}), the workers' heartbeats, and the worker group's lag.
 * {@link #sample()} once a second turns counts into throughput over time. Memory is bounded: the
 * last {@value #JOBS_KEPT} jobs, each with bounded samples and chunk bars.
 *
 * <p>Thread-safe: the aggregator's loop, the heartbeat reader, the sampler and HTTP threads all
 * call in, and each call holds the model's lock only briefly.
 */
public final class LiveModel implements AggregatorObserver {
    static final int JOBS_KEPT = 20;

    private final WorkerRoster roster;
    private final LongSupplier lag;
    private final LongSupplier clock;
    private final Map<String, JobLive> jobs = new LinkedHashMap<>();

    /**
     * @param workerGroup the group whose heartbeats count ({@code null}: every group)
     * @param lag         the worker group's current lag on the chunk topic
     * @param clock       epoch milliseconds
     */
    public LiveModel(String workerGroup, LongSupplier lag, LongSupplier clock) {
        this.roster = new WorkerRoster(workerGroup);
        this.lag = lag;
        this.clock = clock;
    }

    @Override
    public synchronized void jobEvent(JobEvent event, long now) {
        jobOf(event.job(), now).event(event);
    }

    @Override
    public synchronized void partial(Partial partial, boolean first, long now) {
        jobOf(partial.job(), now).partial(partial, first, now);
    }

    @Override
    public synchronized void finished(JobReport report) {
        long now = clock.getAsLong();
        jobOf(report.job(), now).finished(report, now, roster.alive(now), lag.getAsLong());
    }

    @Override
    public synchronized void inFlightForgotten(List<String> forgotten) {
        forgotten.forEach(jobs::remove);
    }

    public synchronized void heartbeat(WorkerHeartbeat beat) {
        roster.heartbeat(beat);
    }

    /** Adds a throughput sample to every job in flight. */
    public synchronized void sample() {
        long now = clock.getAsLong();
        int live = roster.alive(now);
        long lagNow = lag.getAsLong();
        for (JobLive job : jobs.values()) {
            job.sample(now, live, lagNow);
        }
    }

    private JobLive jobOf(String id, long now) {
        JobLive job = jobs.get(id);
        if (job == null) {
            job = new JobLive(id, now);
            jobs.put(id, job);
            forgetOldJobs();
        }
        return job;
    }

    /** Drops the oldest finished jobs past {@value #JOBS_KEPT}; jobs in flight always stay. */
    private void forgetOldJobs() {
        var it = jobs.values().iterator();
        int excess = jobs.size() - JOBS_KEPT;
        while (excess > 0 && it.hasNext()) {
            if (it.next().isOver()) {
                it.remove();
                excess--;
            }
        }
    }

    /** Jobs newest first. */
    public synchronized List<LiveViews.JobSummary> jobs() {
        List<LiveViews.JobSummary> out = new ArrayList<>();
        jobs.values().forEach(job -> out.add(job.summary()));
        Collections.reverse(out);
        return out;
    }

    /** One job's detail, with the chunk bars numbered {@code since} and after. */
    public synchronized Optional<LiveViews.JobDetail> detail(String id, long since) {
        JobLive job = jobs.get(id);
        if (job == null) {
            return Optional.empty();
        }
        long now = clock.getAsLong();
        return Optional.of(new LiveViews.JobDetail(job.summary(), job.series(), workerRows(job, now),
                job.barsSince(since), files(job), now));
    }

    /** A row per worker with a share of the job, plus, while it runs, every worker of the group heard since it began. */
    private List<LiveViews.WorkerRow> workerRows(JobLive job, long now) {
        TreeSet<String> names = new TreeSet<>(job.workers().keySet());
        if (!job.isOver()) {
            names.addAll(roster.seenSince(job.startedAt()));
        }
        long end = job.isOver() && job.report().finishedAt() > 0 ? job.report().finishedAt() : now;
        long elapsed = Math.max(1, end - job.startedAt());
        List<LiveViews.WorkerRow> rows = new ArrayList<>();
        for (String name : names) {
            WorkerTally tally = job.workers().getOrDefault(name, new WorkerTally());
            Optional<WorkerHeartbeat> beat = roster.last(name);
            String state = beat.map(b -> WorkerRoster.isAlive(b, now) ? "live" : "dead").orElse("unknown");
            int threads = beat.map(WorkerHeartbeat::threads).orElse(1);
            double busyPct = Math.min(100, tally.busyMs() * 100.0 / (elapsed * (double) Math.max(1, threads)));
            rows.add(new LiveViews.WorkerRow(name, state, tally.chunks(), tally.records(), tally.busyMs(),
                    Math.round(busyPct * 10) / 10.0, Math.round(tally.recordsPerS(now, job.isOver())),
                    beat.map(WorkerHeartbeat::at).orElse(null), threads));
        }
        return rows;
    }

    /** Links to the job's files once its report is written (they are served by {@link LiveHttp}). */
    private static Map<String, String> files(JobLive job) {
        Map<String, String> files = new LinkedHashMap<>();
        JobReport report = job.report();
        if (report == null) {
            return files;
        }
        String base = "/live/files/" + job.job() + "/";
        files.put(ReportFiles.REPORT_FILE, base + ReportFiles.REPORT_FILE);
        files.put(ReportFiles.CHUNKS_FILE, base + ReportFiles.CHUNKS_FILE);
        if (report.recordsFile() != null) {
            files.put(report.recordsFile(), base + report.recordsFile());
        }
        return files;
    }

    /** Where a finished job's file lies, if the name is one of its files; {@code reportsDir} for jobs without a folder. */
    public synchronized Optional<Path> file(String id, String name, Path reportsDir) {
        JobLive job = jobs.get(id);
        if (job == null || job.report() == null) {
            return Optional.empty();
        }
        JobReport report = job.report();
        boolean known = name.equals(ReportFiles.REPORT_FILE) || name.equals(ReportFiles.CHUNKS_FILE)
                || name.equals(report.recordsFile());
        if (!known) {
            return Optional.empty();
        }
        Path dir = report.outputDir() != null ? Path.of(report.outputDir()) : reportsDir.resolve(id);
        return Optional.of(dir.resolve(name));
    }
}
