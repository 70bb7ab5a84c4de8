package mq.generate.schema;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures the generator on one thread: for each format, a warm-up run, then {@code runs}
 * measured runs of {@code count} records, encoded to UTF-8 through the same buffered writer a file
 * gets, into a stream that only counts bytes (so the disk is not measured). Prints a table and writes {@code generate-bench.json} and
 * {@code generate-bench.csv}. A benchmark, not a test: nothing here asserts a speed.
 */
public final class GeneratorBench {
    /** One format's result: the median run. */
    public record Result(String format, int fields, long records, int runs, double medianSeconds,
                         double recordsPerSecond, double megabytesPerSecond) {
    }

    private GeneratorBench() {
    }

    public static List<Result> run(Schema schema, long count, int runs, List<SchemaFormat> formats, long seed)
            throws IOException {
        List<Result> results = new ArrayList<>();
        for (SchemaFormat format : formats) {
            SchemaRun run = new SchemaRun(schema, count, 0, seed, format);
            once(run); // warm-up: class loading, the JIT, Datafaker's pools
            double[] seconds = new double[runs];
            long bytesWritten = 0;
            for (int r = 0; r < runs; r++) {
                SchemaGenerator generator = new SchemaGenerator(run); // pools are built here, outside the timing
                CountingStream bytes = new CountingStream();
                long start = System.nanoTime();
                try (Writer out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
                    generator.write(out, done -> { });
                }
                seconds[r] = (System.nanoTime() - start) / 1e9;
                bytesWritten = bytes.count;
            }
            Arrays.sort(seconds);
            double median = seconds[runs / 2];
            results.add(new Result(format.name().toLowerCase(Locale.ROOT), schema.fields().size(), count, runs, median,
                    count / median, bytesWritten / median / 1e6));
        }
        return results;
    }

    private static void once(SchemaRun run) throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(new CountingStream(), StandardCharsets.UTF_8))) {
            new SchemaGenerator(run).write(out, done -> { });
        }
    }

    public static void print(List<Result> results, PrintStream out) {
        out.printf(Locale.ROOT, "%-6s %7s %10s %5s %10s %14s %8s%n", "format", "fields", "records", "runs", "median s", "records/s", "MB/s");
        for (Result r : results) {
            out.printf(Locale.ROOT, "%-6s %7d %10d %5d %10.3f %,14.0f %8.1f%n", r.format(), r.fields(), r.records(), r.runs(),
                    r.medianSeconds(), r.recordsPerSecond(), r.megabytesPerSecond());
        }
    }

    /** Writes {@code generate-bench.json} (results and the machine) and {@code generate-bench.csv} into {@code dir}. */
    public static void save(List<Result> results, Path dir) throws IOException {
        Files.createDirectories(dir);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cores", Runtime.getRuntime().availableProcessors());
        json.put("java", System.getProperty("java.version"));
        json.put("threads", 1);
        json.put("results", results);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve("generate-bench.json").toFile(), json);
        StringBuilder csv = new StringBuilder("format,fields,records,runs,median_s,records_per_s,mb_per_s\n");
        for (Result r : results) {
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%.4f,%.0f,%.2f%n", r.format(), r.fields(), r.records(), r.runs(),
                    r.medianSeconds(), r.recordsPerSecond(), r.megabytesPerSecond()));
        }
        Files.writeString(dir.resolve("generate-bench.csv"), csv, StandardCharsets.UTF_8);
    }

    /** Counts the bytes written; keeps nothing. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) {
            count += length;
        }
    }
}
