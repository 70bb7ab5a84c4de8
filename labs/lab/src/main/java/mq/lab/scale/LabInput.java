package mq.lab.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import mq.common.protocol.JobKind;
import mq.common.protocol.RecordSpec;
import mq.producer.JobPublisher;
import mq.producer.input.InputFormat;

/**
 * The file a lab studies and how to read it. The in-process baseline, the raw queue and every run
 * of the pipeline read it with this one format and record spec, so their results compare exactly.
 */
public record LabInput(Path file, InputFormat format, RecordSpec recordSpec) {
    public LabInput {
        file = file.toAbsolutePath();
    }

    /**
     * A job over the input, cut into chunks of {@code chunkSize} records. It never skips bad lines:
     * a lab checks every run against the baseline's exact result, and an input it cannot read whole
     * fails the baseline (with the line) before any run starts.
     *
     * @param outputDir where the aggregator writes the job's files, or {@code null} for none
     */
    public JobPublisher.Request job(String id, int chunkSize, Path outputDir) {
        return new JobPublisher.Request(id, file, format, recordSpec, chunkSize, false,
                outputDir == null ? null : outputDir.toAbsolutePath().toString());
    }

    /** What {@code manifest.json} says about the input: file, size, format, and the record spec for records. */
    public Map<String, Object> manifestEntries() throws IOException {
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("input", file.toString());
        entries.put("input_bytes", Files.size(file));
        entries.put("format", format.optionName());
        // A numbers job reads no fields: a spec there would only suggest it mattered.
        entries.put("record_spec", format.kind() == JobKind.RECORDS ? recordSpec : null);
        return entries;
    }
}
