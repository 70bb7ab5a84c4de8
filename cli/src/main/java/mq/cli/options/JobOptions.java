package mq.cli.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mq.common.protocol.JobKind;
import mq.common.protocol.RecordSpec;
import mq.producer.JobPublisher;
import mq.producer.input.InputFormat;
import picocli.CommandLine.Option;

/** What to compute: the input file and how to read it. Shared by {@code run} and {@code produce}. */
public final class JobOptions {
    public static final int DEFAULT_NUMBER_ROWS = 10_000;
    public static final int DEFAULT_RECORD_ROWS = 2_000;

    @Option(names = "--input", paramLabel = "FILE", required = true,
            description = "Numbers (one per line), a JSON array of records, or JSON Lines.")
    Path input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, numbers, json or jsonl (default ${DEFAULT-VALUE}: '[' first is json, '{' jsonl, else numbers).")
    String format;

    @Option(names = "--chunk-size", paramLabel = "ROWS",
            description = "Records per chunk message (default " + DEFAULT_NUMBER_ROWS + " for numbers, "
                    + DEFAULT_RECORD_ROWS + " for records).")
    Integer chunkSize;

    @Option(names = "--key-field", paramLabel = "FIELD", defaultValue = "id",
            description = "Records: the key field (default ${DEFAULT-VALUE}).")
    String keyField;

    @Option(names = "--timestamp-field", paramLabel = "FIELD", defaultValue = "updated_at",
            description = "Records: the timestamp that decides which version of a key is the latest (default ${DEFAULT-VALUE}).")
    String timestampField;

    @Option(names = "--sum-field", paramLabel = "FIELD",
            description = "Records: a numeric field to sum exactly over the latest records; repeat for more.")
    List<String> sumFields = new ArrayList<>();

    @Option(names = "--skip-bad",
            description = "Skip lines that cannot be read and count them in the report, instead of failing the job.")
    boolean skipBad;

    public Path input() {
        return input;
    }

    /** Checks the options and the input file; throws IllegalArgumentException with what to do. */
    public JobPublisher.Request request(String job, Path outputDir) throws IOException {
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("input file not found: " + input);
        }
        if (!Files.isReadable(input)) {
            throw new IllegalArgumentException("input file not readable: " + input);
        }
        InputFormat inputFormat = InputFormat.fromOption(format, input);
        int rows = chunkSize != null ? chunkSize
                : inputFormat.kind() == JobKind.NUMBERS ? DEFAULT_NUMBER_ROWS : DEFAULT_RECORD_ROWS;
        if (rows < 1) {
            throw new IllegalArgumentException("--chunk-size must be at least 1, was " + rows);
        }
        for (String field : sumFields) {
            if (field.isBlank() || field.contains(",")) {
                throw new IllegalArgumentException("--sum-field must be a field name without commas, was '" + field + "'");
            }
        }
        return new JobPublisher.Request(job, input, inputFormat, new RecordSpec(keyField, timestampField, sumFields),
                rows, skipBad, outputDir == null ? null : outputDir.toAbsolutePath().toString());
    }
}
