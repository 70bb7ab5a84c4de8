package mq.bench.streams;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import mq.common.kafka.ClientSettings;
import mq.common.protocol.JobReport;
import mq.common.protocol.RecordSpec;
import mq.common.protocol.Topics;
import mq.launcher.JitMode;
import mq.launcher.JobIds;
import mq.launcher.LocalRun;
import mq.launcher.RawTransfer;
import mq.producer.JobPublisher;
import mq.producer.input.InputFormat;
import mq.worker.GroupType;

/** One round of the three contenders on the same file and chunks, one after the other. */
final class Comparison {
    record Setup(ClientSettings client, List<String> kafkaArguments, Topics topics, int chunkPartitions, int workers,
                 String heap, JitMode jit, GroupType group) {
    }

    /**
     * @param pipelineMs the pipeline's end to end: first chunk sent to the final report
     * @param rawMs      Kafka alone: every chunk produced, then every chunk consumed
     * @param streamsMs  the Kafka Streams job: first chunk sent to the total that counts every record
     */
    record Round(int round, long records, long pipelineMs, long pipelineProduceMs, long rawMs, long rawProduceMs,
                 long rawConsumeMs, long streamsMs, String pipelineSum, String streamsSum, boolean verified) {
        double pipelineOverRaw() {
            return (double) pipelineMs / rawMs;
        }

        double pipelineOverStreams() {
            return (double) pipelineMs / streamsMs;
        }

        boolean agree() {
            return verified && pipelineSum.equals(streamsSum);
        }

        String line() {
            return String.format("%-10s pipeline %,6d ms   raw queue %,6d ms (produce %,d + consume %,d)   "
                            + "Kafka Streams %,6d ms   pipeline/raw %.2f   pipeline/streams %.2f   %s",
                    round > 0 ? "round " + round + ":" : "warm-up:", pipelineMs, rawMs, rawProduceMs, rawConsumeMs, streamsMs, pipelineOverRaw(), pipelineOverStreams(),
                    agree() ? "sums agree" : "SUMS DIFFER: " + pipelineSum + " vs " + streamsSum);
        }
    }

    private final Setup setup;

    Comparison(Setup setup) {
        this.setup = setup;
    }

    Round round(int round, Path file, InputFormat format, RecordSpec spec, int chunkSize, Path dir)
            throws IOException, InterruptedException {
        JobPublisher.Request rawRequest = new JobPublisher.Request(JobIds.next(), file, format, spec, chunkSize, false, null);
        RawTransfer.Result raw = new RawTransfer(setup.client(), setup.chunkPartitions()).run(rawRequest);

        Path runDir = dir.resolve("runs").resolve(round > 0 ? "pipeline-r" + round : "pipeline-warm-up" + -round);
        JobPublisher.Request request = new JobPublisher.Request(JobIds.next(), file, format, spec, chunkSize, false,
                runDir.toAbsolutePath().toString());
        JobReport report;
        try (LocalRun run = new LocalRun(setup.client(), setup.kafkaArguments(), setup.topics(), setup.chunkPartitions(),
                new LocalRun.Settings(setup.workers(), 1, 0, setup.group(), setup.heap(), Duration.ofMinutes(10), false,
                        setup.jit()))) {
            report = run.execute(request, runDir);
        }

        StreamsSumJob.Result streams = new StreamsSumJob(setup.client(), setup.chunkPartitions(), setup.workers())
                .run(new JobPublisher.Request(JobIds.next(), file, format, spec, chunkSize, false, null), raw.records(),
                        dir.resolve("streams-state"));
        return new Round(round, raw.records(), report.timings().endToEndMs(), report.timings().produceMs(), raw.totalMs(),
                raw.produceMs(), raw.consumeMs(), streams.millis(), plain(report.sum()), streams.totals().sum().stripTrailingZeros().toPlainString(),
                report.verified() && report.count() == raw.records());
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
