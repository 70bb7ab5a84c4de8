package mq.bench.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mq.aggregator.decode.BatchDecoder;
import mq.aggregator.decode.DecodedMessage;
import mq.common.protocol.Json;
import mq.common.protocol.Partial;
import mq.worker.reduce.BusyWork;
import mq.worker.reduce.ChunkReducer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The aggregator's decoding of one poll's partials: wall time per batch on the loop's thread alone
 * ({@code threads=1}) and with helpers. The small numbers partials show what handing a batch off
 * costs; the records partials what decoding them in parallel gains.
 *
 * <pre>
 * java -jar labs/bench/target/benchmarks.jar BatchDecoding
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BatchDecoding {
    @Param({"numbers", "records"})
    public String input;

    @Param({"2", "8"})
    public int batch;

    @Param({"1", "2"})
    public int threads;

    private List<ConsumerRecord<byte[], byte[]>> records;
    private BatchDecoder decoder;

    @Setup
    public void setUp() {
        Path dir = ChunkData.tempDir();
        Path file = ChunkData.file(dir, input, 2000L * batch);
        List<ChunkData.Chunk> chunks = ChunkData.chunks(file, 2000);
        ChunkData.delete(dir);
        records = new ArrayList<>();
        ChunkReducer reducer = new ChunkReducer("bench", BusyWork.NONE);
        for (int i = 0; i < batch; i++) {
            ChunkData.Chunk chunk = chunks.get(i % chunks.size());
            Partial partial = reducer.reduce(chunk.headers(), chunk.body(), 0);
            records.add(new ConsumerRecord<>("partials", 0, i, null, Json.encode(partial)));
        }
        decoder = new BatchDecoder("jobs", threads);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        decoder.close();
    }

    @Benchmark
    public List<DecodedMessage> decode() {
        return decoder.decode(records);
    }
}
