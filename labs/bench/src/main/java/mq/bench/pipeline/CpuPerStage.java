package mq.bench.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import mq.aggregator.job.JobState;
import mq.common.protocol.JobEvent;
import mq.common.protocol.Json;
import mq.common.protocol.Partial;
import mq.producer.JobPublisher;
import mq.worker.reduce.BusyWork;
import mq.worker.reduce.ChunkReducer;

/**
 * The CPU time (not the wall-clock time) each stage of the pipeline spends per chunk, on this
 * thread: a machine whose cores are shared with other work stretches wall-clock figures by
 * whatever else runs, but hardly the CPU time a stage needs. The JMH benchmarks beside it are the
 * reference on a quiet machine; this is what can still be compared on a busy one.
 *
 * <p>How to run (after {@code mvn -B package -DskipTests}):
 * <pre>
 * java -cp labs/bench/target/benchmarks.jar mq.bench.pipeline.CpuPerStage records 100000 2000 [out.json]
 * </pre>
 * Arguments: {@code numbers} or {@code records}, records in the generated file, records per chunk.
 */
public final class CpuPerStage {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROUNDS = 7;

    private CpuPerStage() {
    }

    public static void main(String[] args) throws Exception {
        String input = args[0];
        int records = Integer.parseInt(args[1]);
        int chunkSize = Integer.parseInt(args[2]);
        Path dir = ChunkData.tempDir();
        Path file = ChunkData.file(dir, input, records);
        JobPublisher.Request request = ChunkData.request(file, chunkSize);
        List<ChunkData.Chunk> chunks = ChunkData.chunks(file, chunkSize);
        ChunkReducer reducer = new ChunkReducer("bench", BusyWork.NONE);
        List<Partial> partials = new ArrayList<>();
        List<byte[]> encoded = new ArrayList<>();
        for (ChunkData.Chunk chunk : chunks) {
            Partial partial = reducer.reduce(chunk.headers(), chunk.body(), 0);
            partials.add(partial);
            encoded.add(Json.encode(partial));
        }

        Map<String, Double> microsPerChunk = new LinkedHashMap<>();
        microsPerChunk.put("read", perChunk(chunks.size(), () -> ChunkData.chunks(file, chunkSize).size()));
        microsPerChunk.put("reduce", perChunk(chunks.size(), i -> reducer.reduce(chunks.get(i).headers(), chunks.get(i).body(), 0)));
        microsPerChunk.put("encode", perChunk(chunks.size(), i -> Json.encode(partials.get(i))));
        microsPerChunk.put("decode", perChunk(chunks.size(), i -> Json.decode(encoded.get(i), Partial.class)));
        microsPerChunk.put("merge", perChunk(chunks.size(), () -> mergeAll(request, partials).mergedCount()));
        ChunkData.delete(dir);

        System.out.printf("CPU µs per chunk of %,d %s (median of %d rounds, this thread only)%n", chunkSize, input, ROUNDS);
        microsPerChunk.forEach((stage, micros) -> System.out.printf("  %-8s %,12.1f µs   %,12.0f records/s of CPU%n",
                stage, micros, chunkSize * 1e6 / micros));
        if (args.length > 3) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("input", input);
            json.put("records", records);
            json.put("chunk_size", chunkSize);
            json.put("cpu_micros_per_chunk", microsPerChunk);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(Path.of(args[3]).toFile(), json);
        }
    }

    private static JobState mergeAll(JobPublisher.Request request, List<Partial> partials) {
        JobState state = new JobState(request.job(), 0);
        state.started(new JobEvent.Started(request.job(), request.format().kind(), request.source(),
                request.format().optionName(), request.jobRecordSpec(), false, null, 0));
        partials.forEach(partial -> state.merge(partial, 0));
        return state;
    }

    /** Runs {@code stage} over every chunk, ROUNDS times after two warm-up passes; the median CPU µs per chunk. */
    private static double perChunk(int chunks, IntConsumer stage) {
        double[] rounds = new double[ROUNDS];
        for (int round = -2; round < ROUNDS; round++) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < chunks; i++) {
                stage.accept(i);
            }
            if (round >= 0) {
                rounds[round] = (THREADS.getCurrentThreadCpuTime() - start) / 1000.0 / chunks;
            }
        }
        java.util.Arrays.sort(rounds);
        return rounds[ROUNDS / 2];
    }

    /** A stage that handles all chunks at once (reading a file, merging a job). */
    private static double perChunk(int chunks, java.util.function.IntSupplier wholeJob) {
        return perChunk(1, i -> wholeJob.getAsInt()) / chunks;
    }
}
