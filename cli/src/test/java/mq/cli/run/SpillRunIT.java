package mq.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import mq.common.protocol.JobReport;
import mq.generate.RecordsGenerator;
import mq.generate.RecordsSpec;
import mq.producer.input.InputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A records job whose aggregator has a tiny state heap budget spills its latest records to a
 * RocksDB store many times over, and still writes exactly the records.jsonl and totals of the same
 * job kept on the heap; the store is gone when the report is.
 */
class SpillRunIT {
    @TempDir
    Path dir;

    private final RunFixture fixture = new RunFixture();

    @Test
    void aJobSpilledToDiskWritesTheInHeapJobsRecordsByteForByte() throws Exception {
        // Given 20,000 Mockaroo-style records of 4,000 ids
        Path input = dir.resolve("records.json");
        RecordsGenerator.write(input, RecordsSpec.of(20_000, 4_000, 5));

        // When the same file runs with an aggregator whose budget is 64 KiB (a few hundred records), and with none
        Path spilledOut = dir.resolve("spilled");
        JobReport spilled = fixture.run(2, RunFixture.request("spill-on", input, InputFormat.JSON_ARRAY, 500, false,
                spilledOut, "amount", "quantity"), spilledOut, "64k");
        Path heapOut = dir.resolve("heap");
        JobReport inHeap = fixture.run(2, RunFixture.request("spill-off", input, InputFormat.JSON_ARRAY, 500, false,
                heapOut, "amount", "quantity"), heapOut, "off");

        // Then the first spilled, the second did not, and their results are identical to the byte
        assertThat(spilled.verified()).isTrue();
        assertThat(inHeap.verified()).isTrue();
        assertThat(spilled.stateStore().spilled()).isTrue();
        assertThat(spilled.stateStore().heapBudgetBytes()).isEqualTo(64 * 1024);
        assertThat(spilled.stateStore().spills()).isGreaterThan(1);
        assertThat(inHeap.stateStore().spilled()).isFalse();
        assertThat(inHeap.stateStore().heapBudgetBytes()).isNull();
        assertThat(spilled.distinctKeys()).isEqualTo(4_000).isEqualTo(inHeap.distinctKeys());
        assertThat(spilled.superseded()).isEqualTo(inHeap.superseded());
        assertThat(spilled.sums()).isEqualTo(inHeap.sums());
        assertThat(spilled.sumMissing()).isEqualTo(inHeap.sumMissing());
        assertThat(Files.readAllBytes(spilledOut.resolve("records.jsonl")))
                .isEqualTo(Files.readAllBytes(heapOut.resolve("records.jsonl")));

        // And the job's store, under the run's folder, was deleted when the job was reported (the folder with it,
        // once the aggregator stopped)
        Path spillDir = spilledOut.resolve(".spill");
        if (Files.exists(spillDir)) {
            try (Stream<Path> left = Files.walk(spillDir)) {
                assertThat(left.filter(path -> path.getFileName().toString().equals("spill-on"))).isEmpty();
            }
        }
    }
}
