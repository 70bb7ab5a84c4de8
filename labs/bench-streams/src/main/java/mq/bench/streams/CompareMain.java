package mq.bench.streams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import mq.cli.options.Bootstrap;
import mq.cli.options.JitOption;
import mq.cli.options.KafkaOptions;
import mq.common.protocol.RecordSpec;
import mq.generate.NumbersGenerator;
import mq.generate.NumbersSpec;
import mq.launcher.JitMode;
import mq.producer.input.InputFormat;
import mq.worker.GroupType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code java -jar labs/bench-streams/target/bench-streams.jar}: the numbers job three ways on the same
 * broker, file and chunks, in one run: this pipeline, Kafka alone (produce then consume, no
 * reducing) and a Kafka Streams job. Prints a table of ratios, writes compare.json and compare.csv.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Runs the same numbers job through the pipeline, through Kafka alone (the same chunks produced, "
                + "then consumed) and through a Kafka Streams job (exactly once, exact sums), --repeat times in "
                + "turn, and prints each one's time with the pipeline's ratio to the others."})
public final class CompareMain implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "FILE", description = "A numbers file (default: generate --numbers numbers).")
    Path input;

    @Option(names = "--numbers", paramLabel = "N", defaultValue = "5000000",
            description = "Integers to generate when there is no --input (default ${DEFAULT-VALUE}).")
    long numbers;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "2",
            description = "Worker processes of the pipeline, and stream threads of the Kafka Streams job (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--chunk-size", paramLabel = "ROWS", defaultValue = "20000", description = "Numbers per chunk (default ${DEFAULT-VALUE}).")
    int chunkSize;

    @Option(names = "--repeat", paramLabel = "R", defaultValue = "3", description = "Rounds of the three (default ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--warm-up", paramLabel = "ROUNDS", defaultValue = "1",
            description = "Rounds run first and not counted: this JVM produces for all three and must be warm (default ${DEFAULT-VALUE}).")
    int warmUp;

    @Option(names = "--jit", paramLabel = "c1|c2|auto", defaultValue = "auto", converter = JitOption.class,
            description = "JIT compilers of the pipeline's role processes (default ${DEFAULT-VALUE}: c1).")
    JitMode jit;

    @Option(names = "--heap", paramLabel = "SIZE", defaultValue = "512m", description = "Heap of each role process (default ${DEFAULT-VALUE}).")
    String heap;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: a new runs/compare-<timestamp> folder).")
    Path out;

    @Mixin
    KafkaOptions kafka;

    public static void main(String[] args) {
        // Before any logger exists; the role processes keep the command line's own configuration.
        System.setProperty("log4j2.configurationFile", "bench-streams-log4j2.xml");
        // Run from the repository: the local broker's jars are where `mvn package` put them for `./mq`.
        if (System.getProperty("mq.broker.lib") == null && Files.isDirectory(Path.of("cli", "target", "broker-lib"))) {
            System.setProperty("mq.broker.lib", Path.of("cli", "target", "broker-lib").toAbsolutePath().toString());
        }
        System.exit(new CommandLine(new CompareMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path dir = out != null ? out
                : Path.of("runs", "compare-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(dir);
        Path file = input != null ? input
                : NumbersGenerator.write(dir.resolve("data").resolve("numbers.txt"), NumbersSpec.integers(numbers, 42)).file();
        InputFormat format = InputFormat.detect(file);
        if (format.kind() != mq.common.protocol.JobKind.NUMBERS) {
            throw new IllegalArgumentException("the comparison sums numbers; " + file + " holds records");
        }
        String bootstrap = Bootstrap.startingLocal(kafka);
        Comparison comparison = new Comparison(new Comparison.Setup(kafka.settings(bootstrap), kafka.asArguments(bootstrap),
                kafka.topics(), kafka.chunkPartitions(), workers, heap, jit, GroupType.CONSUMER));
        System.err.printf("compare: %s, %d workers, chunks of %,d, %d rounds on %s -> %s%n", file, workers, chunkSize,
                repeat, bootstrap, dir);
        for (int round = 1; round <= warmUp; round++) {
            System.out.println(comparison.round(-round, file, format, RecordSpec.DEFAULT, chunkSize, dir).line());
        }
        List<Comparison.Round> rounds = new ArrayList<>();
        for (int round = 1; round <= repeat; round++) {
            Comparison.Round r = comparison.round(round, file, format, RecordSpec.DEFAULT, chunkSize, dir);
            rounds.add(r);
            System.out.println(r.line());
        }
        ComparisonReport report = ComparisonReport.of(rounds, file, Files.size(file), workers, chunkSize, jit.resolve(0),
                bootstrap);
        report.lines().forEach(System.out::println);
        report.write(dir);
        System.out.println("wrote " + dir.resolve(ComparisonReport.JSON) + " and " + dir.resolve(ComparisonReport.CSV));
        return rounds.stream().allMatch(Comparison.Round::agree) ? 0 : 1;
    }
}
