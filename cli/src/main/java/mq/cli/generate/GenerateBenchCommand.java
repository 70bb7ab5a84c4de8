package mq.cli.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import mq.generate.NumbersSpec;
import mq.generate.schema.GeneratorBench;
import mq.generate.schema.Schema;
import mq.generate.schema.SchemaException;
import mq.generate.schema.SchemaFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mq generate bench}: how fast the schema-driven generator writes, on one thread. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures the schema-driven generator on one thread (into memory, not disk): prints a table "
                + "and writes generate-bench.json and generate-bench.csv.")
final class GenerateBenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--schema", paramLabel = "FILE", description = "The schema (default: the built-in one, 12 fields).")
    Path schema;

    @Option(names = "--count", defaultValue = "1000000", description = "Records per run (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(names = "--runs", defaultValue = "5", description = "Measured runs per format, after one warm-up (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--formats", split = ",", defaultValue = "csv,jsonl,json",
            description = "Formats to measure (default: ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--seed", defaultValue = "" + NumbersSpec.DEFAULT_SEED, description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "runs/generate-bench", description = "Folder for the JSON and CSV (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws IOException {
        List<GeneratorBench.Result> results;
        try {
            if (runs < 1 || count < 1) {
                throw new IllegalArgumentException("--runs and --count must be at least 1");
            }
            Schema fields = schema == null ? Schema.builtIn() : Schema.read(schema);
            results = GeneratorBench.run(fields, count, runs, formats.stream().map(SchemaFormat::of).toList(), seed);
        } catch (IllegalArgumentException | SchemaException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        GeneratorBench.print(results, System.out);
        GeneratorBench.save(results, out);
        System.out.println("wrote " + out.resolve("generate-bench.json") + " and generate-bench.csv");
        return 0;
    }
}
