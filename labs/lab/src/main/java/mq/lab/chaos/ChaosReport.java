package mq.lab.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import mq.lab.report.HtmlReport;
import mq.lab.report.RecordCsv;
import mq.lab.scale.Manifest;

/** Writes the lab's folder: chaos.csv, chaos.json, manifest.json, the charts and report.html. */
public final class ChaosReport {
    public static final String CSV = "chaos.csv";
    public static final String JSON = "chaos.json";
    public static final String MANIFEST = "manifest.json";
    public static final String HTML = "report.html";

    record Document(Manifest manifest, String inProcessDigest, double inProcessRecordsPerS, long referenceEndToEndMs,
                    List<ChaosSummary> faults, List<String> explanation, List<FaultRun> runs, List<Timeline> timelines) {
    }

    private ChaosReport() {
    }

    public static List<String> explanation(ChaosLab.Outcome outcome, List<FaultKind> faults) {
        return ChaosExplainer.explain(outcome, summaries(outcome, faults));
    }

    public static List<Path> write(ChaosLab.Outcome outcome, List<FaultKind> faultKinds, Manifest manifest, Path dir)
            throws IOException {
        List<ChaosSummary> faults = summaries(outcome, faultKinds);
        List<String> explanation = ChaosExplainer.explain(outcome, faults);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        List<Path> files = new ArrayList<>();
        files.add(RecordCsv.write(outcome.runs(), FaultRun.class, dir.resolve(CSV)));
        json.writeValue(dir.resolve(JSON).toFile(), new Document(manifest, outcome.digest(), outcome.inProcessRecordsPerS(),
                outcome.referenceEndToEndMs(), faults, explanation, outcome.runs(), outcome.timelines()));
        files.add(dir.resolve(JSON));
        json.writeValue(dir.resolve(MANIFEST).toFile(), manifest);
        files.add(dir.resolve(MANIFEST));

        HtmlReport html = HtmlReport.titled("What happens when things fail")
                .with(new HtmlReport.Paragraph(String.format(Locale.ROOT, "%d cores, %s, JDK %s, Kafka clients %s, brokers %s.",
                        manifest.machine().cores(), manifest.machine().os(), manifest.software().jdk(),
                        manifest.software().kafkaClients(), manifest.software().broker())));
        for (String sentence : explanation) {
            html = html.with(new HtmlReport.Paragraph(sentence));
        }
        Path recovery = ChaosCharts.recovery(faults.stream().filter(f -> !f.fault().equals(FaultKind.NONE.optionName()))
                .toList(), dir.resolve(ChaosCharts.RECOVERY));
        if (recovery != null) {
            files.add(recovery);
            html = html.with(new HtmlReport.Image(ChaosCharts.RECOVERY, "What each fault cost: the longest pause in "
                    + "merging after it, and the time it added end to end"));
        }
        Optional<Timeline> reference = outcome.timelines().stream()
                .filter(t -> t.fault().equals(FaultKind.NONE.optionName())).findFirst();
        for (FaultKind fault : faultKinds) {
            Optional<Timeline> first = outcome.timelines().stream().filter(t -> t.fault().equals(fault.optionName())
                    && t.faultAt() > 0).findFirst();
            if (first.isPresent()) {
                String file = ChaosCharts.timelineFile(fault.optionName());
                files.add(ChaosCharts.timeline(first.get(), reference, dir.resolve(file)));
                html = html.with(new HtmlReport.Image(file, fault.optionName() + ": " + fault.description()));
            }
        }
        html = html.with(new HtmlReport.Heading("Faults"))
                .with(new HtmlReport.Table(List.of("fault", "fired in", "exact", "failed", "wrong", "hung", "skipped",
                        "pause after it (ms)", "added (ms)", "redone", "duplicates ignored", "dead letters"),
                        faults.stream().map(f -> List.of(f.fault(), Integer.toString(f.runs()), Integer.toString(f.exact()),
                                Integer.toString(f.failed()), Integer.toString(f.wrong()), Integer.toString(f.hung()),
                                Integer.toString(f.skipped()), ms(f.medianRecoveryMs()), ms(f.medianDelayMs()),
                                Long.toString(f.chunksRedone()), Long.toString(f.duplicatesIgnored()),
                                Long.toString(f.deadLetters()))).toList()))
                .with(new HtmlReport.Heading("Runs"))
                .with(new HtmlReport.Table(List.of("fault", "run", "outcome", "as it should", "fault at (ms)", "end to end (ms)",
                        "what was done", "reason"),
                        outcome.runs().stream().map(r -> List.of(r.fault(), Integer.toString(r.run()), r.outcome(),
                                r.expected() ? "yes" : "NO", ms(r.faultAtMs()), ms(r.endToEndMs()), r.detail(), r.reason()))
                                .toList()));
        files.add(html.write(dir.resolve(HTML)));
        return files;
    }

    private static List<ChaosSummary> summaries(ChaosLab.Outcome outcome, List<FaultKind> faults) {
        List<ChaosSummary> all = new ArrayList<>();
        all.add(ChaosSummary.of(FaultKind.NONE, outcome.runs()));
        faults.forEach(f -> all.add(ChaosSummary.of(f, outcome.runs())));
        return all;
    }

    private static String ms(long value) {
        return value < 0 ? "-" : String.format(Locale.ROOT, "%,d", value);
    }
}
