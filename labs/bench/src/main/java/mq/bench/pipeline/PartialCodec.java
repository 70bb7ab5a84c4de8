package mq.bench.pipeline;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mq.common.protocol.Json;
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
 * A partial result on the wire: the worker encodes it, the aggregator decodes it (on a few threads per poll:
 * {@link BatchDecoding}).
 * A records partial carries the latest version of each of its keys, so it is by far the larger.
 *
 * <p>How to run (after {@code mvn -B package -DskipTests}):
 * <pre>
 * java -jar labs/bench/target/benchmarks.jar PartialCodec
 * java -jar labs/bench/target/benchmarks.jar PartialCodec.decode -p input=records
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PartialCodec {
    @Param({"numbers", "records"})
    public String input;

    @Param("2000")
    public int chunkSize;

    private Partial partial;
    private byte[] encoded;

    @Setup
    public void setUp() {
        Path dir = ChunkData.tempDir();
        Path file = ChunkData.file(dir, input, chunkSize);
        ChunkData.Chunk chunk = ChunkData.chunks(file, chunkSize).get(0);
        ChunkData.delete(dir);
        partial = new ChunkReducer("bench", BusyWork.NONE).reduce(chunk.headers(), chunk.body(), 0);
        encoded = Json.encode(partial);
    }

    @Benchmark
    public byte[] encode() {
        return Json.encode(partial);
    }

    @Benchmark
    public Partial decode() {
        return Json.decode(encoded, Partial.class);
    }
}
