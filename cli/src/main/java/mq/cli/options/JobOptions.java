package mq.cli.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import mq.common.protocol.JobKind;
import mq.common.protocol.RecordSpec;
import mq.producer.JobPublisher;
import mq.producer.input.InputFormat;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What to compute: the input file, how to read it ({@link RecordOptions}) and how to cut it.
 * Shared by {@code run} and {@code produce}.
 */
public final class JobOptions {
    public static final int DEFAULT_NUMBER_ROWS = 10_000;
    public static final int DEFAULT_RECORD_ROWS = 2_000;

    @Option(names = "--input", paramLabel = "FILE", defaultValue = "${env:MQ_INPUT}",
            description = "Numbers (one per line), a JSON array of records, JSON Lines, or CSV with a header row "
                    + "(required; env MQ_INPUT).")
    Path input;

    @Mixin
    RecordOptions record;

    @Option(names = "--chunk-size", paramLabel = "ROWS", defaultValue = "${env:MQ_CHUNK_SIZE}",
            description = "Records per chunk message (env MQ_CHUNK_SIZE, default " + DEFAULT_NUMBER_ROWS + " for numbers, "
                    + DEFAULT_RECORD_ROWS + " for records).")
    Integer chunkSize;

    @Option(names = "--skip-bad", defaultValue = "${env:MQ_SKIP_BAD:-false}",
            description = "Skip lines that cannot be read and count them in the report, instead of failing the job "
                    + "(env MQ_SKIP_BAD=true).")
    boolean skipBad;

    public Path input() {
        return input;
    }

    /** Checks the options and the input file; throws IllegalArgumentException with what to do. */
    public JobPublisher.Request request(String job, Path outputDir) throws IOException {
        if (input == null) {
            throw new IllegalArgumentException("no input: pass --input FILE (or set MQ_INPUT)");
        }
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("input file not found: " + input);
        }
        if (!Files.isReadable(input)) {
            throw new IllegalArgumentException("input file not readable: " + input);
        }
        InputFormat inputFormat = record.format(input);
        int rows = chunkSize != null ? chunkSize
                : inputFormat.kind() == JobKind.NUMBERS ? DEFAULT_NUMBER_ROWS : DEFAULT_RECORD_ROWS;
        if (rows < 1) {
            throw new IllegalArgumentException("--chunk-size must be at least 1, was " + rows);
        }
        RecordSpec spec = record.spec();
        return new JobPublisher.Request(job, input, inputFormat, spec,
                rows, skipBad, outputDir == null ? null : outputDir.toAbsolutePath().toString());
    }
}
