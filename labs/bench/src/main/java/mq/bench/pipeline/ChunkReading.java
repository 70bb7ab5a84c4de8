package mq.bench.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import mq.producer.JobPublisher;
import mq.producer.input.ChunkDraft;
import mq.producer.input.ChunkReader;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The producer's side: cutting a whole file into chunks, as {@code mq run} does before sending
 * (numbers are sliced line by line; a JSON array is parsed and re-written one element per line).
 *
 * <p>How to run (after {@code mvn -B package -DskipTests}):
 * <pre>
 * java -jar labs/bench/target/benchmarks.jar ChunkReading
 * java -jar labs/bench/target/benchmarks.jar ChunkReading -p input=records -p records=100000
 * </pre>
 * The score is the time to read the whole file of {@code records} records.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ChunkReading {
    @Param({"numbers", "records"})
    public String input;

    @Param("100000")
    public int records;

    @Param("2000")
    public int chunkSize;

    private Path dir;
    private JobPublisher.Request request;

    @Setup
    public void setUp() {
        dir = ChunkData.tempDir();
        Path file = ChunkData.file(dir, input, records);
        request = ChunkData.request(file, chunkSize);
    }

    @TearDown
    public void tearDown() {
        ChunkData.delete(dir);
    }

    @Benchmark
    public long readWholeFile() throws IOException {
        long bytes = 0;
        try (ChunkReader reader = ChunkReader.open(request.input(), request.format(), request.rowsPerChunk())) {
            ChunkDraft draft;
            while ((draft = reader.next()) != null) {
                bytes += draft.body().length;
            }
        }
        return bytes;
    }
}
