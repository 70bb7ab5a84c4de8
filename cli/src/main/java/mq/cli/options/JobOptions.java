package mq.cli.options;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Option(names = "--input", paramLabel = "FILE", defaultValue = "${env:MQ_INPUT}",
            description = "Numbers (one per line), a JSON array of records, JSON Lines, or CSV with a header row "
                    + "(required; env MQ_INPUT).")
    Path input;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "${env:MQ_FORMAT:-auto}",
            description = "auto, numbers, json, jsonl or csv (env MQ_FORMAT, default ${DEFAULT-VALUE}: a .csv file is csv, "
                    + "'[' first is json, '{' jsonl, else numbers).")
    String format;

    @Option(names = "--chunk-size", paramLabel = "ROWS", defaultValue = "${env:MQ_CHUNK_SIZE}",
            description = "Records per chunk message (env MQ_CHUNK_SIZE, default " + DEFAULT_NUMBER_ROWS + " for numbers, "
                    + DEFAULT_RECORD_ROWS + " for records).")
    Integer chunkSize;

    @Option(names = "--key-field", paramLabel = "FIELD", defaultValue = "${env:MQ_KEY_FIELD:-id}",
            description = "Records: the key field (env MQ_KEY_FIELD, default ${DEFAULT-VALUE}).")
    String keyField;

    @Option(names = "--timestamp-field", paramLabel = "FIELD", defaultValue = "${env:MQ_TIMESTAMP_FIELD:-updated_at}",
            description = "Records: the timestamp that decides which version of a key is the latest "
                    + "(env MQ_TIMESTAMP_FIELD, default ${DEFAULT-VALUE}).")
    String timestampField;

    @Option(names = "--sum-field", paramLabel = "FIELD", split = ",", defaultValue = "${env:MQ_SUM_FIELDS}",
            description = "Records: a numeric field to sum exactly over the latest records; repeat or separate with "
                    + "commas for more (env MQ_SUM_FIELDS, comma-separated).")
    List<String> sumFields;

    @Option(names = "--key-type", paramLabel = "TYPE", defaultValue = "${env:MQ_KEY_TYPE:-auto}",
            description = "Records: auto (JSON keys keep their type, CSV keys are text) or number (every key read as a "
                    + "number: \"007\" = 7) (env MQ_KEY_TYPE, default ${DEFAULT-VALUE}).")
    String keyType;

    @Option(names = "--timestamp-format", paramLabel = "PATTERN", defaultValue = "${env:MQ_TIMESTAMP_FORMAT}",
            description = "Records: a java.time pattern for the timestamp field, e.g. M/d/yyyy or 'dd.MM.yyyy HH:mm' "
                    + "(env MQ_TIMESTAMP_FORMAT; default: ISO-8601, yyyy-MM-dd HH:mm:ss or epoch numbers).")
    String timestampFormat;

    @Option(names = "--timestamp-zone", paramLabel = "ZONE", defaultValue = "${env:MQ_TIMESTAMP_ZONE:-UTC}",
            description = "Records: the zone of timestamps without an offset, e.g. Europe/Berlin "
                    + "(env MQ_TIMESTAMP_ZONE, default ${DEFAULT-VALUE}).")
    String timestampZone;

    @Option(names = "--csv-delimiter", paramLabel = "CHAR", defaultValue = "${env:MQ_CSV_DELIMITER:-,}",
            description = "CSV: the field delimiter, one character, or 'tab' (env MQ_CSV_DELIMITER, default ${DEFAULT-VALUE}).")
    String csvDelimiter;

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
        InputFormat inputFormat = InputFormat.fromOption(format, input);
        int rows = chunkSize != null ? chunkSize
                : inputFormat.kind() == JobKind.NUMBERS ? DEFAULT_NUMBER_ROWS : DEFAULT_RECORD_ROWS;
        if (rows < 1) {
            throw new IllegalArgumentException("--chunk-size must be at least 1, was " + rows);
        }
        // Blank entries come from an empty MQ_SUM_FIELDS or a trailing comma: nothing to sum.
        List<String> fields = sumFields == null ? List.of()
                : sumFields.stream().map(String::strip).filter(field -> !field.isEmpty()).toList();
        RecordSpec spec = new RecordSpec(keyField, timestampField, fields)
                .withKeyType(RecordSpec.KeyType.fromWire(keyType))
                .withTimestampFormat(TimestampOptions.checkPattern(timestampFormat), TimestampOptions.checkZone(timestampZone))
                .withCsvDelimiter(delimiter(csvDelimiter));
        return new JobPublisher.Request(job, input, inputFormat, spec,
                rows, skipBad, outputDir == null ? null : outputDir.toAbsolutePath().toString());
    }

    private static char delimiter(String option) {
        String value = option.equalsIgnoreCase("tab") || option.equals("\\t") ? "\t" : option;
        if (value.length() != 1) {
            throw new IllegalArgumentException("--csv-delimiter must be one character (or 'tab'), was '" + option + "'");
        }
        new mq.common.csv.CsvBoundary(value.charAt(0)); // rejects quotes, line breaks and non-ASCII
        return value.charAt(0);
    }
}
