package mq.lab.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mq.aggregator.job.ChunkTiming;
import mq.aggregator.report.ReportFiles;

/**
 * Where one run's time went, from its {@code chunks.csv}: each chunk's life from being produced to
 * being merged splits exactly into waiting in the queue, processing (reducing it and waiting for the
 * rest of its poll batch) and delivery (sending the partial and the aggregator getting to it).
 *
 * @param utilization share of the workers' time spent reducing: busy time / (workers × end to end)
 */
public record Ledger(int chunks, double meanQueueMs, double meanProcessingMs, double meanDeliveryMs,
                     double meanLifetimeMs, long busyMs, double utilization) {

    public static List<ChunkTiming> read(Path outDir) throws IOException {
        return Files.readAllLines(outDir.resolve(ReportFiles.CHUNKS_FILE)).stream().skip(1)
                .filter(line -> !line.isBlank()).map(ChunkTiming::parseCsv).toList();
    }

    public static Ledger of(List<ChunkTiming> timings, int workers, long endToEndMs) {
        int n = Math.max(1, timings.size());
        long queue = 0;
        long processing = 0;
        long delivery = 0;
        long busyMicros = 0;
        for (ChunkTiming t : timings) {
            queue += t.queueWaitMs();
            processing += t.processingMs();
            delivery += t.deliveryMs();
            busyMicros += t.busyMicros();
        }
        long busyMs = busyMicros / 1000;
        double utilization = endToEndMs <= 0 ? 0 : busyMs / ((double) workers * endToEndMs);
        return new Ledger(timings.size(), queue / (double) n, processing / (double) n, delivery / (double) n,
                (queue + processing + delivery) / (double) n, busyMs, utilization);
    }
}
