package mq.bench.streams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import mq.launcher.JitMode;

/** The rounds' medians and ratios, as a table, compare.json and compare.csv. */
record ComparisonReport(String input, long inputBytes, int workers, int chunkSize, String jit, String bootstrap,
                        int cores, String jdk, double medianPipelineMs, double medianRawMs, double medianStreamsMs,
                        double pipelineOverRaw, double pipelineOverStreams, List<Comparison.Round> rounds) {
    static final String JSON = "compare.json";
    static final String CSV = "compare.csv";

    static ComparisonReport of(List<Comparison.Round> rounds, Path input, long bytes, int workers, int chunkSize,
                               JitMode jit, String bootstrap) {
        double pipeline = median(rounds, Comparison.Round::pipelineMs);
        double raw = median(rounds, Comparison.Round::rawMs);
        double streams = median(rounds, Comparison.Round::streamsMs);
        return new ComparisonReport(input.toAbsolutePath().toString(), bytes, workers, chunkSize, jit.optionName(), bootstrap,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), pipeline, raw, streams,
                round(pipeline / raw), round(pipeline / streams), rounds);
    }

    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add(String.format("%-48s %10s %12s", "medians of " + rounds.size() + " rounds", "ms", "pipeline ÷"));
        lines.add(String.format("%-48s %,10.0f %12s", "pipeline (" + workers + " worker processes, " + jit + ")", medianPipelineMs, ""));
        lines.add(String.format("%-48s %,10.0f %12.2f", "raw queue (produce, then consume, no reducing)", medianRawMs, pipelineOverRaw));
        lines.add(String.format("%-48s %,10.0f %12.2f", "Kafka Streams (" + workers + " threads, exactly once)", medianStreamsMs,
                pipelineOverStreams));
        return lines;
    }

    void write(Path dir) throws IOException {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(dir.resolve(JSON).toFile(), this);
        List<String> csv = new ArrayList<>();
        csv.add("round,records,pipeline_ms,pipeline_produce_ms,raw_ms,raw_produce_ms,raw_consume_ms,streams_ms,"
                + "pipeline_over_raw,pipeline_over_streams,sums_agree");
        for (Comparison.Round r : rounds) {
            csv.add(String.join(",", List.of(Integer.toString(r.round()), Long.toString(r.records()),
                    Long.toString(r.pipelineMs()), Long.toString(r.pipelineProduceMs()), Long.toString(r.rawMs()),
                    Long.toString(r.rawProduceMs()), Long.toString(r.rawConsumeMs()), Long.toString(r.streamsMs()),
                    Double.toString(round(r.pipelineOverRaw())), Double.toString(round(r.pipelineOverStreams())),
                    Boolean.toString(r.agree()))));
        }
        Files.write(dir.resolve(CSV), csv);
    }

    private static double median(List<Comparison.Round> rounds, ToDoubleFunction<Comparison.Round> value) {
        double[] sorted = rounds.stream().mapToDouble(value).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
