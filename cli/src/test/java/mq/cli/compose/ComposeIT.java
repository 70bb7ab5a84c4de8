package mq.cli.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml run for real by {@code deploy/compose-e2e.sh}: 3 workers run the default job, a
 * longer job is scaled to 5 workers and loses one to {@code docker kill}, Prometheus scrapes every
 * replica, and {@code down -v} leaves nothing behind. The script checks each step and stops at the
 * first failure; this test runs it, then checks its summary against sums computed here. Skipped, with
 * the script's reason, where it cannot run: no Docker engine, no compose, or images that can neither
 * be found nor pulled (where no registry is reachable, {@code eval "$(deploy/offline-images.sh)"} first).
 */
class ComposeIT {
    /** The default job's size (DEMO_NUMBERS) and the longer job's (seq 1..N). */
    private static final long NUMBERS = 240_000;
    private static final long LONG_NUMBERS = 3_000_000;
    private static final int CANNOT_RUN = 3;
    private static final long TIMEOUT_MINUTES = 15;

    @Test
    void scaledWorkersKilledWorkersAndPrometheusAllGiveTheExactResult() throws Exception {
        Path root = repositoryRoot();
        Path out = Path.of("target", "compose-e2e").toAbsolutePath();
        Files.createDirectories(out);
        Path log = out.resolve("compose-e2e.log");

        // When the end-to-end script runs the compose file
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("deploy/compose-e2e.sh").toString())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("E2E_OUT", out.toString());
        builder.environment().put("E2E_NUMBERS", Long.toString(NUMBERS));
        builder.environment().put("E2E_LONG_NUMBERS", Long.toString(LONG_NUMBERS));
        Process script = builder.start();
        boolean ended = script.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!ended) {
            script.destroy();
            script.waitFor(2, TimeUnit.MINUTES);
        }
        List<String> output = Files.readAllLines(log);
        output.forEach(System.out::println);
        String last = output.isEmpty() ? "" : output.get(output.size() - 1);
        assertThat(ended).as("the script ended within %d minutes", TIMEOUT_MINUTES).isTrue();
        if (script.exitValue() == CANNOT_RUN) {
            abort(last);
        }

        // Then every step passed
        assertThat(script.exitValue()).as("exit status of deploy/compose-e2e.sh; its last line: %s", last).isZero();
        Properties summary = new Properties();
        try (Reader reader = Files.newBufferedReader(out.resolve("summary.properties"))) {
            summary.load(reader);
        }
        // the default job: every number, the exact sum of the generated file, on 3 workers
        assertThat(summary.getProperty("job1.count")).isEqualTo(Long.toString(NUMBERS));
        assertThat(summary.getProperty("job1.sum")).isEqualTo(summary.getProperty("job1.expected_sum"));
        assertThat(summary.getProperty("job1.workers")).isEqualTo("3");
        // the longer job: 1 + 2 + ... + N, with the 2 workers added mid-job taking part
        assertThat(summary.getProperty("job2.count")).isEqualTo(Long.toString(LONG_NUMBERS));
        assertThat(summary.getProperty("job2.sum")).isEqualTo(Long.toString(LONG_NUMBERS * (LONG_NUMBERS + 1) / 2));
        assertThat(summary.getProperty("job2.new_workers_with_chunks")).isEqualTo("2");
        assertThat(Integer.parseInt(summary.getProperty("job2.workers"))).isGreaterThanOrEqualTo(3);
        // Prometheus: the 4 workers left after the kill (5 if the engine restarted the killed one)
        assertThat(Integer.parseInt(summary.getProperty("prometheus.worker_targets"))).isBetween(4, 5);
        System.out.println("compose end-to-end check: " + summary.getProperty("seconds") + " s");
    }

    private static Path repositoryRoot() throws IOException {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docker-compose.yml"))) {
                return p;
            }
        }
        throw new IOException("docker-compose.yml not found");
    }
}
