package mq.cli.options;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import mq.common.protocol.RecordSpec;
import mq.producer.input.InputFormat;
import picocli.CommandLine.Option;

/**
 * How to read a job's input: its format and, for records, the key, timestamp and sum fields and
 * how to read them. One mixin for {@code run}, {@code produce}, {@code scale} and {@code chaos}, so
 * that a file a job can read is a file the labs can study, with the same options.
 */
public final class RecordOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "${env:MQ_FORMAT:-auto}",
            description = "auto, numbers, json, jsonl or csv (env MQ_FORMAT, default ${DEFAULT-VALUE}: a .csv file is csv, "
                    + "'[' first is json, '{' jsonl, else numbers).")
    String format;

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

    /** The input's format: {@code --format}, or what {@code auto} detects in the file. */
    public InputFormat format(Path input) throws IOException {
        return InputFormat.fromOption(format, input);
    }

    /** The record spec the options describe; throws IllegalArgumentException naming the option and what to use. */
    public RecordSpec spec() {
        return new RecordSpec(keyField, timestampField, sumFields())
                .withKeyType(RecordSpec.KeyType.fromWire(keyType))
                .withTimestampFormat(TimestampOptions.checkPattern(timestampFormat), TimestampOptions.checkZone(timestampZone))
                .withCsvDelimiter(delimiter(csvDelimiter));
    }

    /** Blank entries come from an empty MQ_SUM_FIELDS or a trailing comma: nothing to sum. */
    private List<String> sumFields() {
        return sumFields == null ? List.of()
                : sumFields.stream().map(String::strip).filter(field -> !field.isEmpty()).toList();
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
