package mq.cli.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import mq.generate.GeneratedFile;
import mq.generate.NumbersSpec;
import mq.generate.RecordFormat;
import mq.generate.RecordsGenerator;
import mq.generate.RecordsSpec;
import mq.generate.schema.Schema;
import mq.generate.schema.SchemaException;
import mq.generate.schema.SchemaFormat;
import mq.generate.schema.SchemaGenerator;
import mq.generate.schema.SchemaRun;
import mq.launcher.console.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mq generate records}: parses the options, writes the file, prints a summary. */
@Command(name = "records", mixinStandardHelpOptions = true,
        description = "Writes mock customer records with several versions per id, like a Mockaroo export.")
final class RecordsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--count", required = true, description = "How many records.")
    long count;

    @Option(names = "--keys", description = "How many distinct ids, 1..keys; each gets at least one record "
            + "(default: count / 5).")
    Long keys;

    @Option(names = "--out", required = true, description = "The file to write; parent directories are created.")
    Path out;

    @Option(names = "--format", defaultValue = "json", converter = SchemaFormatConverter.class,
            description = "json: one array, one object per line (default); jsonl: JSON Lines; csv: a header row, "
                    + "then one record per line (with the built-in schema unless --schema).")
    SchemaFormat format;

    @Option(names = "--schema", paramLabel = "FILE",
            description = "Mockaroo field specifications (a JSON array of fields, or an object with \"fields\"): "
                    + "the records' fields and types, e.g. examples/schemas/mockaroo-people.json.")
    Path schema;

    @Option(names = "--seed", defaultValue = "" + NumbersSpec.DEFAULT_SEED,
            description = "The same seed writes the same file (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--mixed-timestamps", description = "updated_at as ISO-8601 with Z or with an offset, "
            + "as 'yyyy-MM-dd HH:mm:ss' (UTC) or as epoch milliseconds; default: ISO-8601 with Z only.")
    boolean mixedTimestamps;

    @Option(names = "--no-progress", description = "No progress bar on stderr (shown from "
            + Progress.SHOW_FROM + " records on).")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        GeneratedFile written;
        if (schema != null || format == SchemaFormat.CSV) {
            written = writeWithSchema();
        } else {
            RecordsSpec records;
            try {
                long distinct = keys != null ? keys : RecordsSpec.defaultKeys(count);
                records = new RecordsSpec(count, distinct, seed,
                        format == SchemaFormat.JSON ? RecordFormat.JSON : RecordFormat.JSONL, mixedTimestamps);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            try (Progress progress = Progress.of("records", count, !noProgress)) {
                written = RecordsGenerator.write(out, records, progress);
            }
        }
        spec.commandLine().getOut().println(written.summary());
        return 0;
    }

    /** The schema-driven generator: the file's schema, or the built-in one for CSV without --schema. */
    private GeneratedFile writeWithSchema() throws IOException {
        SchemaRun run;
        try {
            if (mixedTimestamps) {
                throw new IllegalArgumentException("--mixed-timestamps is for the built-in JSON records; "
                        + "a schema sets each Datetime's format");
            }
            Schema fields = schema == null ? Schema.builtIn() : Schema.read(schema);
            run = new SchemaRun(fields, count, keys == null ? 0 : keys, seed, format);
            new SchemaGenerator(run); // compiles the schema: a bad field is a usage error, before the file is created
        } catch (IllegalArgumentException | SchemaException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "schema file not found: " + e.getFile(), e);
        }
        try (Progress progress = Progress.of("records", count, !noProgress)) {
            return SchemaGenerator.write(out, run, progress);
        }
    }
}
