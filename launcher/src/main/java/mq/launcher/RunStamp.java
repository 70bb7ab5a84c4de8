package mq.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Adds to a run's {@code report.json} how its processes were started (a {@code "run"} object:
 * workers, threads, heap, JIT mode), which the aggregator cannot know: two reports' figures
 * compare only when these match.
 */
final class RunStamp {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunStamp() {
    }

    static void add(Path reportFile, LocalRun.Settings settings) throws IOException {
        if (!Files.exists(reportFile)) {
            return;
        }
        ObjectNode report = (ObjectNode) MAPPER.readTree(reportFile.toFile());
        ObjectNode run = report.putObject("run");
        run.put("workers", settings.workers());
        run.put("threads", settings.threads());
        run.put("work_us", settings.workMicros());
        run.put("group", settings.groupType().optionName());
        run.put("heap", settings.heap());
        run.put("jit", settings.resolvedJit().optionName());
        run.put("jit_option", settings.jit().optionName());
        Path tmp = reportFile.resolveSibling(reportFile.getFileName() + ".tmp");
        MAPPER.writeValue(tmp.toFile(), report);
        Files.move(tmp, reportFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
