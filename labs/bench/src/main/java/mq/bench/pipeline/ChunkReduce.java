package mq.bench.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mq.common.protocol.Partial;
import mq.worker.reduce.BusyWork;
import mq.worker.reduce.ChunkReducer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The worker's hot path: one chunk to one partial result with the worker's own reducer (number
 * parsing and exact sums; for records, key, timestamp and sum fields and the latest version per key).
 *
 * <p>How to run (after {@code mvn -B package -DskipTests}):
 * <pre>
 * java -jar labs/bench/target/benchmarks.jar ChunkReduce
 * java -jar labs/bench/target/benchmarks.jar ChunkReduce -p input=records -p chunkSize=2000
 * </pre>
 * The score is the time per chunk of {@code chunkSize} records; divide to get records per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ChunkReduce {
    @Param({"numbers", "records"})
    public String input;

    @Param("2000")
    public int chunkSize;

    private final ChunkReducer reducer = new ChunkReducer("bench", BusyWork.NONE);
    private List<ChunkData.Chunk> chunks;
    private int next;

    @Setup
    public void setUp() {
        Path dir = ChunkData.tempDir();
        int records = chunkSize * 20;
        Path file = ChunkData.file(dir, input, records);
        chunks = ChunkData.chunks(file, chunkSize);
        ChunkData.delete(dir);
    }

    @Benchmark
    public Partial reduceOneChunk() {
        ChunkData.Chunk chunk = chunks.get(next);
        next = (next + 1) % chunks.size();
        return reducer.reduce(chunk.headers(), chunk.body(), 0);
    }
}
