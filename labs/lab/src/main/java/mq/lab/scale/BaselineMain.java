package mq.lab.scale;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import mq.launcher.ParentWatch;
import mq.producer.JobPublisher;

/**
 * The in-process baseline as a JVM of its own, started with the roles' JIT mode so that the
 * comparison is between queueing and not queueing, never between compilers. Prints one
 * {@value #PREFIX} line of JSON per chunk size.
 *
 * <p>One argument: the {@link BaselineRequest} file (input, format, record spec, work per record,
 * repeat, chunk sizes, threads).
 */
public final class BaselineMain {
    static final String PREFIX = "BASELINE ";

    private BaselineMain() {
    }

    public static void main(String[] args) throws Exception {
        ParentWatch.startIfAsked();
        BaselineRequest request = BaselineRequest.read(Path.of(args[0]));
        int work = request.workMicros();
        ObjectMapper json = new ObjectMapper();
        // Warm-up without extra work: the JIT compiles the reading and reducing code once for all sizes.
        InProcessBaseline.run(request.job("warm-up", request.chunkSizes().get(0)), 0, 1);
        for (int chunk : request.chunkSizes()) {
            JobPublisher.Request job = request.job("baseline", chunk);
            InProcessBaseline.Result one = best(job, work, 1, request.repeat());
            InProcessBaseline.Result best = one;
            for (int t : request.threads()) {
                if (t > 1) {
                    InProcessBaseline.Result r = best(job, work, t, request.repeat());
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
}
