package mq.lab.threads;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import mq.lab.kernels.SumStrategy;

/** Writes a sweep as {@code threads.csv} (one line per cell) and {@code threads.json} (everything). */
public final class ResultFiles {

    public static final String CSV = "threads.csv";
    public static final String JSON = "threads.json";

    private static final RecordComponent[] COLUMNS = Measurement.class.getRecordComponents();

    private ResultFiles() {
    }

    /** The JSON document: the machine, the settings, every cell, the fits and the explanation. */
    public record Document(Machine machine, Settings settings, List<Measurement> measurements,
            List<SerialFraction> serialFractions, List<String> notes, List<String> explanation) {
    }

    public record Machine(int cores, String jvm, String os, String arch, Double bandwidthGigabytesPerSecond,
            long bandwidthBytes, int bandwidthThreads) {
    }

    public record Settings(List<Integer> sizes, List<Integer> threads, List<String> strategies, int runs,
            int warmup, String type, long seed) {
    }

    /** @param maxSpeedup 1 / serialFraction; null when the fit found no serial fraction */
    public record SerialFraction(int size, String strategy, double serialFraction, Double maxSpeedup,
            double rSquared, int points) {
    }

    public static Path writeCsv(SweepResult result, Path dir) throws IOException {
        String header = Arrays.stream(COLUMNS).map(RecordComponent::getName).collect(Collectors.joining(","));
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (Measurement m : result.measurements()) {
            csv.append(Arrays.stream(COLUMNS).map(c -> csvValue(read(c, m))).collect(Collectors.joining(",")))
                    .append('\n');
        }
        return Files.writeString(dir.resolve(CSV), csv, StandardCharsets.UTF_8);
    }

    public static Path writeJson(SweepResult result, List<SerialFractions.Fit> fits, List<String> explanation,
            Path dir) throws IOException {
        ThreadsConfig config = result.config();
        Bandwidth bandwidth = result.bandwidth();
        Document document = new Document(
                new Machine(result.cores(), result.jvm(), System.getProperty("os.name"), System.getProperty("os.arch"),
                        bandwidth.measured() ? bandwidth.gigabytesPerSecond() : null, bandwidth.bytes(),
                        bandwidth.threads()),
                new Settings(config.sizes(), config.threads(), config.strategies().stream().map(SumStrategy::name).toList(),
                        config.runs(), config.warmup(), config.typeLabel(), config.seed()),
                result.measurements(),
                fits.stream().map(f -> new SerialFraction(f.size(), f.strategy(), f.amdahl().serialFraction(),
                        Double.isFinite(f.amdahl().maxSpeedup()) ? f.amdahl().maxSpeedup() : null,
                        f.amdahl().rSquared(), f.points())).toList(),
                result.notes(), explanation);
        Path file = dir.resolve(JSON);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
        return file;
    }

    private static Object read(RecordComponent component, Measurement m) {
        try {
            return component.getAccessor().invoke(m);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    private static String csvValue(Object value) {
        String text = value instanceof Double d && d.isNaN() ? "" : String.valueOf(value);
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
