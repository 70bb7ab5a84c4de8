package mq.bench.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mq.aggregator.job.JobState;
import mq.common.protocol.JobEvent;
import mq.common.protocol.Partial;
import mq.producer.JobPublisher;
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
 * The aggregator's hot path: merging every partial of a job into a fresh job state (exact sums;
 * for records, the latest version per key across chunks).
 *
 * <p>How to run (after {@code mvn -B package -DskipTests}):
 * <pre>
 * java -jar labs/bench/target/benchmarks.jar PartialMerge
 * java -jar labs/bench/target/benchmarks.jar PartialMerge -p input=records -p records=100000
 * </pre>
 * The score is the time to merge all partials of a {@code records}-record job.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PartialMerge {
    @Param({"numbers", "records"})
    public String input;

    @Param("100000")
    public int records;

    @Param("2000")
    public int chunkSize;

    private JobPublisher.Request request;
    private List<Partial> partials;

    @Setup
    public void setUp() {
        Path dir = ChunkData.tempDir();
        Path file = ChunkData.file(dir, input, records);
        request = ChunkData.request(file, chunkSize);
        ChunkReducer reducer = new ChunkReducer("bench", BusyWork.NONE);
        partials = ChunkData.chunks(file, chunkSize).stream()
                .map(chunk -> reducer.reduce(chunk.headers(), chunk.body(), 0)).toList();
        ChunkData.delete(dir);
    }

    @Benchmark
    public JobState mergeAll() {
        JobState state = new JobState(request.job(), 0);
        state.started(new JobEvent.Started(request.job(), request.format().kind(), request.source(),
                request.format().optionName(), request.jobRecordSpec(), false, null, 0));
        for (Partial partial : partials) {
            state.merge(partial, 0);
        }
        return state;
    }
}
