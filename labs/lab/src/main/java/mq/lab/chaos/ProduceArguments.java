package mq.lab.chaos;

import java.util.List;
import mq.common.protocol.RecordSpec;
import mq.lab.scale.LabInput;

/**
 * The options of {@code mq produce} that say how to read the input: the producer of a chaos run is
 * a process of its own, and must read the file exactly as the in-process baseline did. Every
 * option is given, so a default of the producer's own (or an env variable) cannot differ.
 */
public final class ProduceArguments {
    private ProduceArguments() {
    }

    public static List<String> of(LabInput input) {
        RecordSpec spec = input.recordSpec();
        // OPTION=VALUE, never two arguments: a value that looks like an option (a field named -x, a
        // delimiter '-') stays a value.
        return List.of(
                "--format=" + input.format().optionName(),
                "--key-field=" + spec.keyField(),
                "--timestamp-field=" + spec.timestampField(),
                // Blank means no sum fields, and the built-in timestamp readings (ISO-8601, epoch numbers),
                // whatever MQ_SUM_FIELDS and MQ_TIMESTAMP_FORMAT say.
                "--sum-field=" + String.join(",", spec.sumFields()),
                "--key-type=" + spec.keyType().wireName(),
                "--timestamp-format=" + (spec.timestampFormat() == null ? "" : spec.timestampFormat()),
                "--timestamp-zone=" + spec.timestampZone(),
                // A tab is spelled out: the one delimiter that is hard to see in a log of the command.
                "--csv-delimiter=" + (spec.csvDelimiter() == '\t' ? "tab" : String.valueOf(spec.csvDelimiter())));
    }
}
