package mq.cli.lab;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import mq.lab.kernels.NumberType;
import mq.lab.kernels.SumStrategy;
import mq.lab.threads.ThreadsConfig;
import mq.lab.threads.ThreadsLab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code mq threads}: parses and checks the options, then hands over to {@link ThreadsLab}. */
@Command(name = "threads", mixinStandardHelpOptions = true,
        description = {
            "Sums random numbers with 1 to 24 threads in several ways, times each, charts the speedups and explains them.",
            "Needs no broker. Writes threads.csv, threads.json, PNG charts and report.html to --out."},
        sortOptions = false)
public final class ThreadsCommand implements Callable<Integer> {

    /** More threads than this is a typo, not an experiment. */
    static final int MAX_THREADS = 10_000;
    /** Java arrays cannot be quite Integer.MAX_VALUE long. */
    static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    @Spec
    CommandSpec spec;

    @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "1000000",
            description = "How many numbers to sum, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> sizes;

    @Option(names = "--threads", split = ",", paramLabel = "T", defaultValue = "1,2,4,8,16,24",
            description = "Thread counts to try, comma-separated (default: ${DEFAULT-VALUE}).")
    List<Integer> threads;

    @Option(names = "--strategies", split = ",", paramLabel = "S",
            defaultValue = "sequential,threads,pool,forkjoin,parallel-stream,virtual",
            description = "Strategies to compare (default: ${DEFAULT-VALUE}). The sequential baseline always runs.")
    List<String> strategies;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "10",
            description = "Measured runs per cell (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "5",
            description = "Unmeasured warm-up runs per cell, so the JIT has compiled the loop (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--type", paramLabel = "long|double", defaultValue = "long", converter = TypeConverter.class,
            description = "long: random longs in [0, 1000000), summed exactly. double: random doubles in [0, 1), "
                    + "checked against the exact sum (default: ${DEFAULT-VALUE}).")
    NumberType type;

    @Option(names = "--compensated",
            description = "With --type double: sum with Neumaier's compensated kernel instead of the plain loop.")
    boolean compensated;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: a new runs/threads-<timestamp> folder).")
    Path out;

    @Option(names = "--bandwidth-mb", paramLabel = "MB", defaultValue = "256",
            description = "Size of the memory bandwidth pass; 0 skips it (default: ${DEFAULT-VALUE}).")
    int bandwidthMegabytes;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the random numbers (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show a progress bar on stderr (default: on; --no-progress hides it).")
    boolean progress;

    public static void main(String[] args) {
        System.exit(new CommandLine(new ThreadsCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        ThreadsConfig config = config();
        ThreadsLab.Outcome outcome = new ThreadsLab(System.out, System.err).run(config);
        return outcome.allCorrect() ? 0 : 1;
    }

    /** Checks the options and builds the configuration; every problem names the option and a fix. */
    ThreadsConfig config() {
        for (int size : sizes) {
            require(size >= 0 && size <= MAX_SIZE, "--sizes must be between 0 and " + MAX_SIZE + ", got " + size
                    + ": give how many numbers to sum, e.g. --sizes 1000000,10000000");
        }
        for (int count : threads) {
            require(count >= 1 && count <= MAX_THREADS, "--threads must be between 1 and " + MAX_THREADS + ", got "
                    + count + ": give thread counts such as --threads 1,2,4,8");
        }
        require(runs >= 1, "--runs must be at least 1, got " + runs);
        require(warmup >= 0, "--warmup must be 0 or more, got " + warmup);
        require(bandwidthMegabytes >= 0 && bandwidthMegabytes <= 16_384,
                "--bandwidth-mb must be between 0 (skip) and 16384, got " + bandwidthMegabytes);
        require(!compensated || type == NumberType.DOUBLE, "--compensated only applies to --type double");
        long largest = sizes.stream().mapToLong(Integer::longValue).max().orElse(0);
        long neededMegabytes = (largest * Long.BYTES >> 20) + bandwidthMegabytes;
        long heapMegabytes = Runtime.getRuntime().maxMemory() >> 20;
        // One array lives at a time, but the JVM needs room besides it.
        require(neededMegabytes <= heapMegabytes * 0.8, "--sizes " + largest + " needs about " + neededMegabytes
                + " MB of heap but this JVM may use " + heapMegabytes + " MB: choose smaller sizes or start java with -Xmx"
                + Math.max(1, neededMegabytes * 2 / 1024) + "g");
        List<SumStrategy> chosen = new ArrayList<>();
        for (String name : strategies) {
            SumStrategy strategy = SumStrategy.named(name).orElseThrow(() -> new ParameterException(
                    spec.commandLine(), "unknown strategy '" + name + "': use one or more of " + SumStrategy.names()));
            if (chosen.stream().noneMatch(s -> s.name().equals(strategy.name()))) {
                chosen.add(strategy);
            }
        }
        Path dir = out != null ? out
                : Path.of("runs", "threads-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        return new ThreadsConfig(sizes.stream().distinct().toList(), threads.stream().distinct().sorted().toList(),
                chosen, runs, warmup, type, compensated, bandwidthMegabytes, seed, dir, progress);
    }

    /** Accepts the lower-case names shown in the help, whatever the parent command's settings. */
    static final class TypeConverter implements CommandLine.ITypeConverter<NumberType> {
        @Override
        public NumberType convert(String value) {
            return Arrays.stream(NumberType.values())
                    .filter(t -> t.label().equalsIgnoreCase(value.trim()))
                    .findFirst()
                    .orElseThrow(() -> new CommandLine.TypeConversionException(
                            "unknown type '" + value + "': use long or double"));
        }
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw new ParameterException(spec.commandLine(), message);
        }
    }
}
