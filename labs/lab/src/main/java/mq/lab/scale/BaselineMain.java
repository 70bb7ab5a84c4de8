package mq.lab.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import mq.common.protocol.RecordSpec;
import mq.producer.JobPublisher;
import mq.producer.input.InputFormat;

/**
 * The in-process baseline as a JVM of its own, started with the roles' JIT mode so that the
 * comparison is between queueing and not queueing, never between compilers. Prints one
 * {@value #PREFIX} line of JSON per chunk size.
 *
 * <p>Arguments: input, format, key field, timestamp field, sum fields (comma-separated, may be
 * empty: {@code -}), work per record, repeat, chunk sizes (comma-separated), threads (comma-separated).
 */
public final class BaselineMain {
    static final String PREFIX = "BASELINE ";

    private BaselineMain() {
    }

    public static void main(String[] args) throws Exception {
        Path input = Path.of(args[0]);
        InputFormat format = InputFormat.fromOption(args[1], input);
        List<String> sums = args[4].equals("-") ? List.of() : List.of(args[4].split(","));
        RecordSpec spec = new RecordSpec(args[2], args[3], sums);
        int work = Integer.parseInt(args[5]);
        int repeat = Integer.parseInt(args[6]);
        List<Integer> chunkSizes = ints(args[7]);
        List<Integer> threads = ints(args[8]);
        ObjectMapper json = new ObjectMapper();
        // Warm-up without extra work: the JIT compiles the reading and reducing code once for all sizes.
        InProcessBaseline.run(new JobPublisher.Request("warm-up", input, format, spec, chunkSizes.get(0), false, null), 0, 1);
        for (int chunk : chunkSizes) {
            JobPublisher.Request request = new JobPublisher.Request("baseline", input, format, spec, chunk, false, null);
            InProcessBaseline.Result one = best(request, work, 1, repeat);
            InProcessBaseline.Result best = one;
            for (int t : threads) {
                if (t > 1) {
                    InProcessBaseline.Result r = best(request, work, t, repeat);
                    if (r.recordsPerS() > best.recordsPerS()) {
                        best = r;
                    }
                }
            }
            System.out.println(PREFIX + json.writeValueAsString(new ScaleSweep.Baseline(chunk, work, one.recordsPerS(),
                    best.threads(), best.recordsPerS(), one.digest())));
        }
    }

    private static InProcessBaseline.Result best(JobPublisher.Request request, int work, int threads, int repeat)
            throws Exception {
        InProcessBaseline.Result best = null;
        for (int i = 0; i < repeat; i++) {
            InProcessBaseline.Result r = InProcessBaseline.run(request, work, threads);
            if (best == null || r.recordsPerS() > best.recordsPerS()) {
                best = r;
            }
        }
        return best;
    }

    private static List<Integer> ints(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(Integer::parseInt).toList();
    }
}
