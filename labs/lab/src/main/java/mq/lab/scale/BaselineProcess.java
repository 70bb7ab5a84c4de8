package mq.lab.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import mq.common.protocol.RecordSpec;
import mq.launcher.ChildProcess;
import mq.launcher.JitMode;
import mq.producer.input.InputFormat;

/** Runs {@link BaselineMain} in a child JVM with a given JIT mode and heap, and reads its figures back. */
final class BaselineProcess {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private BaselineProcess() {
    }

    static List<ScaleSweep.Baseline> measure(Path input, InputFormat format, RecordSpec spec, int work, int repeat,
                                             List<Integer> chunkSizes, List<Integer> threads, JitMode jit, String heap,
                                             Path log) throws IOException, InterruptedException {
        List<String> args = List.of(input.toAbsolutePath().toString(), format.optionName(), spec.keyField(),
                spec.timestampField(), spec.sumFields().isEmpty() ? "-" : String.join(",", spec.sumFields()),
                Integer.toString(work), Integer.toString(repeat), join(chunkSizes), join(threads));
        ChildProcess child = ChildProcess.startMain("baseline", BaselineMain.class.getName(), args, heap, log, jit);
        int exit = child.awaitExit(TIMEOUT);
        if (exit != 0) {
            throw new IllegalStateException("the in-process baseline exited with code " + exit + "; the end of " + log
                    + ":\n" + child.logTail(15));
        }
        ObjectMapper json = new ObjectMapper();
        List<ScaleSweep.Baseline> baselines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (line.startsWith(BaselineMain.PREFIX)) {
                baselines.add(json.readValue(line.substring(BaselineMain.PREFIX.length()), ScaleSweep.Baseline.class));
            }
        }
        return baselines;
    }

    private static String join(List<Integer> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
