package mq.lab.scale;

import mq.common.protocol.JobReport;

/** One run of the sweep: its settings, its report's figures and its ledger. A row of {@code scale.csv}. */
public record RunResult(String group, int workers, int threads, int chunkSize, int workMicros, int repeat,
                        String job, boolean verified, long records, int chunks, long endToEndMs, long produceMs,
                        long firstPickupMs, long lastMergeMs, double recordsPerS, double meanQueueMs,
                        double meanProcessingMs, double meanDeliveryMs, double utilization, long duplicatesIgnored,
                        String digest, String outDir) {

    public static RunResult of(ScalePoint point, int repeat, JobReport report, Ledger ledger, String digest, String outDir) {
        JobReport.Timings t = report.timings();
        long records = report.verification() == null ? 0 : report.verification().records();
        return new RunResult(point.group().optionName(), point.workers(), point.threads(), point.chunkSize(),
                point.workMicros(), repeat, report.job(), report.verified(), records, report.chunks(), t.endToEndMs(),
                t.produceMs(), t.firstPickupMs(), t.lastMergeMs(), report.throughput().recordsPerS(),
                round(ledger.meanQueueMs()), round(ledger.meanProcessingMs()), round(ledger.meanDeliveryMs()),
                round(ledger.utilization()), report.duplicatesIgnored(), digest, outDir);
    }

    public ScalePoint point() {
        return new ScalePoint(mq.worker.GroupType.valueOf(group.toUpperCase()), workers, threads, chunkSize, workMicros);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
