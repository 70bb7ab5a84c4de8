package mq.cli.lab;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import mq.generate.NumbersGenerator;
import mq.generate.NumbersSpec;
import mq.generate.RecordsGenerator;
import mq.generate.RecordsSpec;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options every lab that runs whole jobs shares: its input (a file or generated), its output folder, progress. */
final class LabFiles {
    static final class Input {
        @Option(names = "--input", paramLabel = "FILE", description = "The input file (numbers, JSON array or JSON Lines).")
        Path file;

        @Option(names = "--generate", paramLabel = "KIND:COUNT",
                description = "Generate the input instead: numbers:N or records:N (default numbers:1000000).")
        String generate;
    }

    @ArgGroup(exclusive = true)
    Input input = new Input();

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

    boolean inputGiven() {
        return input.file != null;
    }

    boolean showProgress() {
        return !noProgress;
    }

    /** {@code --input}, or the file {@code --generate} writes into {@code dir}/data. */
    Path input(Path dir) throws Exception {
        Path file = input.file != null ? input.file : generate(input.generate == null ? "numbers:1000000" : input.generate, dir);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("input file not found: " + file);
        }
        return file;
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
