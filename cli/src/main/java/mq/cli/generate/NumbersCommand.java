package mq.cli.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import mq.generate.GeneratedFile;
import mq.generate.NumbersGenerator;
import mq.generate.NumbersSpec;
import mq.launcher.console.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mq generate numbers}: parses the options, writes the file, prints a summary. */
@Command(name = "numbers", mixinStandardHelpOptions = true,
        description = "Writes one number per line, integers by default.")
final class NumbersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--count", required = true, description = "How many numbers (lines).")
    long count;

    @Option(names = "--out", required = true, description = "The file to write; parent directories are created.")
    Path out;

    @Option(names = "--seed", defaultValue = "" + NumbersSpec.DEFAULT_SEED,
            description = "The same seed writes the same file (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--decimals",
            description = "Mix in decimals with 1 to 4 fraction digits, some in scientific notation (1.25E+3).")
    boolean decimals;

    @Option(names = "--min", defaultValue = "" + NumbersSpec.DEFAULT_MIN,
            description = "Smallest value, inclusive (default: ${DEFAULT-VALUE}).")
    long min;

    @Option(names = "--max", defaultValue = "" + NumbersSpec.DEFAULT_MAX,
            description = "Largest value, inclusive (default: ${DEFAULT-VALUE}).")
    long max;

    @Option(names = "--no-progress", description = "No progress bar on stderr (shown from "
            + Progress.SHOW_FROM + " lines on).")
    boolean noProgress;

    @Override
    public Integer call() throws IOException {
        NumbersSpec numbers;
        try {
            numbers = new NumbersSpec(count, seed, decimals, min, max);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        GeneratedFile written;
        try (Progress progress = Progress.of("numbers", count, !noProgress)) {
            written = NumbersGenerator.write(out, numbers, progress);
        }
        spec.commandLine().getOut().println(written.summary());
        return 0;
    }
}
