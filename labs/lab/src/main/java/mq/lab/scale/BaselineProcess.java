package mq.lab.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mq.launcher.ChildProcess;
import mq.launcher.JitMode;

/** Runs {@link BaselineMain} in a child JVM with a given JIT mode and heap, and reads its figures back. */
final class BaselineProcess {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private BaselineProcess() {
    }

    /**
     * Measures {@code request} in a JVM of its own. The request ({@code NAME.json}) stays next to the
     * log ({@code NAME.log}) in {@code logs}: the pair reproduces the measurement.
     */
    static List<ScaleSweep.Baseline> measure(BaselineRequest request, JitMode jit, String heap, Path logs, String name)
            throws IOException, InterruptedException {
        Path requestFile = logs.resolve(name + ".json");
        Path log = logs.resolve(name + ".log");
        request.write(requestFile);
        List<String> args = List.of(requestFile.toAbsolutePath().toString());
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
}
