package mq.cli.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import mq.cli.options.RecordOptions;
import mq.common.protocol.JobKind;
import mq.common.protocol.RecordSpec;
import mq.generate.NumbersGenerator;
import mq.generate.NumbersSpec;
import mq.generate.RecordsGenerator;
import mq.generate.RecordsSpec;
import mq.lab.scale.LabInput;
import mq.producer.input.InputFormat;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options every lab that runs whole jobs shares: its input (a file or generated) and how to
 * read it, its output folder, progress.
 */
final class LabFiles {
    /** What generated records are summed by when no {@code --sum-field} is given. */
    static final String GENERATED_SUM_FIELD = "amount";

    static final class Input {
        @Option(names = "--input", paramLabel = "FILE",
                description = "The input file: numbers, a JSON array of records, JSON Lines, or CSV with a header row.")
        Path file;

        @Option(names = "--generate", paramLabel = "KIND:COUNT",
                description = "Generate the input instead: numbers:N or records:N, records summed by "
                        + GENERATED_SUM_FIELD + " unless --sum-field says otherwise (default numbers:1000000).")
        String generate;
    }

    @ArgGroup(exclusive = true)
    Input input = new Input();

    // The same options as ./mq run, so any file a job reads can be studied. --skip-bad is not among
    // them: a lab checks every run against the in-process baseline's exact result, and an input with
    // lines it cannot read should stop the lab at the baseline, with the line, not be skipped in every run.
    @Mixin
    RecordOptions record;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: a new runs/<lab>-<timestamp> folder).")
    Path out;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    /** The output folder, created: {@code --out}, else {@code runs/<lab>-<timestamp>}. */
    Path outDir(String lab) throws java.io.IOException {
        Path dir = out != null ? out
                : Path.of("runs", lab + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(dir);
        return dir;
    }

    boolean showProgress() {
        return !noProgress;
    }

    /** {@code --input}, or the file {@code --generate} writes into {@code dir}/data. */
    private Path input(Path dir) throws Exception {
        Path file = input.file != null ? input.file : generate(input.generate == null ? "numbers:1000000" : input.generate, dir);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("input file not found: " + file);
        }
        return file;
    }

    /**
     * The input and how to read it: the record options, except that generated records, which have
     * an {@value #GENERATED_SUM_FIELD} field, sum it when no field to sum is named.
     */
    LabInput labInput(Path dir) throws Exception {
        RecordSpec spec = record.spec(); // a typo in an option fails before a file is generated
        Path file = input(dir);
        InputFormat format = record.format(file);
        if (input.file == null && format.kind() == JobKind.RECORDS && spec.sumFields().isEmpty()) {
            spec = spec.withSumFields(List.of(GENERATED_SUM_FIELD));
        }
        return new LabInput(file, format, spec);
    }

    private static Path generate(String spec, Path dir) throws Exception {
        String[] parts = spec.split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("--generate takes numbers:COUNT or records:COUNT, was '" + spec + "'");
        }
        long count;
        try {
            count = Long.parseLong(parts[1].replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--generate needs a whole number after the colon, was '" + parts[1] + "'");
        }
        Path data = dir.resolve("data");
        return switch (parts[0]) {
            case "numbers" -> NumbersGenerator.write(data.resolve("numbers.txt"), NumbersSpec.integers(count, 42)).file();
            case "records" -> RecordsGenerator.write(data.resolve("records.json"),
                    RecordsSpec.of(count, RecordsSpec.defaultKeys(count), 42)).file();
            default -> throw new IllegalArgumentException("--generate takes numbers:COUNT or records:COUNT, was '" + spec + "'");
        };
    }
}
