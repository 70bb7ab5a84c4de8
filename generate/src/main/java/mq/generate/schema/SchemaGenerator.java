package mq.generate.schema;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import mq.generate.GeneratedFile;
import mq.generate.KeySequence;

/**
 * Writes {@code count} records of a schema, streaming (one row in memory), the same bytes for the
 * same schema and seed: pools come from a Faker seeded with it, rows from a {@link SplittableRandom}
 * seeded with it, and columns draw in schema order.
 */
public final class SchemaGenerator {
    /** How often progress is reported, in records. */
    private static final long PROGRESS_EVERY = 10_000;

    private final SchemaRun run;
    private final Column[] columns;
    private final Cell[] cells;
    private final Row row;
    private final KeySequence keys;

    /** Compiles the schema: throws {@link SchemaException} naming the field at fault. */
    public SchemaGenerator(SchemaRun run) {
        this.run = run;
        SplittableRandom random = new SplittableRandom(run.seed());
        FieldTypes.Context context = new FieldTypes.Context(new DatafakerPools(run.seed()), run.seed(), run.count());
        List<FieldSpec> fields = run.schema().fields();
        this.columns = fields.stream().map(field -> FieldTypes.create(field, context)).toArray(Column[]::new);
        this.cells = new Cell[columns.length];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = new Cell();
        }
        this.keys = run.hasKey() ? new KeySequence(run.resolvedKeys(), random) : null;
        this.row = new Row(random.split());
    }

    public static GeneratedFile write(Path out, SchemaRun run, LongConsumer progress) throws IOException {
        SchemaGenerator generator = new SchemaGenerator(run);
        long start = System.nanoTime();
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            generator.write(writer, progress);
        }
        return new GeneratedFile(out, run.count(), generator.keys == null ? 0 : run.resolvedKeys(), null,
                Files.size(out), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Writes every record to {@code out} (flushed, not closed). */
    public void write(Writer out, LongConsumer progress) throws IOException {
        List<String> names = run.schema().names();
        try (RowWriter writer = run.format() == SchemaFormat.CSV ? new CsvRowWriter(out, names)
                : new JsonRowWriter(out, names, run.format() == SchemaFormat.JSON)) {
            for (long n = 1; n <= run.count(); n++) {
                row.number = n;
                row.key = keys == null ? 0 : keys.next(row.random, run.count() - n + 1);
                for (int i = 0; i < columns.length; i++) {
                    columns[i].fill(row, cells[i]);
                }
                writer.write(cells);
                if (n % PROGRESS_EVERY == 0) {
                    progress.accept(n);
                }
            }
        }
        progress.accept(run.count());
    }
}
