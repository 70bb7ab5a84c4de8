package mq.lab.scale;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import mq.aggregator.job.JobState;
import mq.aggregator.report.ReportBuilder;
import mq.common.protocol.ChunkMeta;
import mq.common.protocol.JobEvent;
import mq.common.protocol.JobReport;
import mq.common.protocol.Partial;
import mq.producer.JobPublisher;
import mq.producer.input.ChunkDraft;
import mq.producer.input.ChunkReader;
import mq.worker.reduce.BusyWork;
import mq.worker.reduce.ChunkReducer;

/**
 * The same job without Kafka: this thread cuts the file into the same chunks, T threads reduce
 * them with the workers' code, and the aggregator's merge combines them. What the pipeline adds
 * on top of this (serialising, the broker, processes) is its overhead.
 */
public final class InProcessBaseline {
    private InProcessBaseline() {
    }

    public record Result(int threads, long records, long millis, double recordsPerS, String digest) {
    }

    public static Result run(JobPublisher.Request request, int workMicros, int threads)
            throws IOException, InterruptedException {
        ChunkReducer reducer = new ChunkReducer("in-process", BusyWork.microsPerRecord(workMicros));
        long start = System.nanoTime();
        JobState state = new JobState(request.job(), System.currentTimeMillis());
        state.started(new JobEvent.Started(request.job(), request.format().kind(), request.source(), request.format().optionName(),
                request.recordSpec(), request.skipBad(), null, System.currentTimeMillis()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int chunks = 0;
        long records = 0;
        try (ChunkReader reader = request.openReader()) {
            // At most 2 chunks per thread in flight: memory stays bounded, as in the pipeline.
            Deque<Future<Partial>> inFlight = new ArrayDeque<>();
            ChunkDraft draft;
            while ((draft = reader.next()) != null) {
                ChunkMeta meta = request.chunkMeta(draft, System.currentTimeMillis());
                byte[] body = draft.body();
                inFlight.add(pool.submit(() -> reducer.reduce(meta.toHeaders(), body, System.currentTimeMillis())));
                chunks++;
                records += draft.records();
                if (inFlight.size() >= 2 * threads) {
                    state.merge(take(inFlight), System.currentTimeMillis());
                }
            }
            while (!inFlight.isEmpty()) {
                state.merge(take(inFlight), System.currentTimeMillis());
            }
        } finally {
            pool.shutdownNow();
        }
        state.ended(new JobEvent.Ended(request.job(), chunks, records, 0, 0, state.checksum(), 0, System.currentTimeMillis()));
        JobReport report = ReportBuilder.build(state, System.currentTimeMillis());
        long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        List<String> lines = new ArrayList<>();
        if (report.recordsFile() != null) {
            state.latest().forEachSortedByKey(version -> lines.add(version.json()));
        }
        return new Result(threads, records, millis, records * 1000.0 / millis, ResultDigest.of(report, lines.iterator()));
    }

    private static Partial take(Deque<Future<Partial>> inFlight) throws InterruptedException {
        try {
            return inFlight.removeFirst().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("reducing a chunk failed", e.getCause());
        }
    }

}
