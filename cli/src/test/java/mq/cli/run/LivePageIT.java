package mq.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import mq.common.protocol.JobReport;
import mq.generate.GeneratedFile;
import mq.generate.NumbersGenerator;
import mq.generate.NumbersSpec;
import mq.launcher.LocalRun;
import mq.producer.input.InputFormat;
import mq.testing.HeadlessChromium;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The aggregator's live page in a real headless Chromium, during a real run (broker, aggregator and
 * worker processes): it names the job, draws throughput, has a row per worker that matches the
 * report, and marks a worker killed mid-job as dead. Skipped where Chromium is not installed.
 */
class LivePageIT {
    private static final String JOB = "live-page-test";

    @TempDir
    Path dir;

    private final RunFixture fixture = new RunFixture();

    @Test
    void showsTheRunningJobItsThroughputItsWorkersAndAKilledOne() throws Exception {
        Optional<Path> chromium = HeadlessChromium.find();
        Assumptions.assumeTrue(chromium.isPresent(),
                "no Chromium on the PATH (Debian: apt-get install chromium): the live page needs a real browser to test");
        // Given 200,000 numbers in 400 chunks and 20 µs of work per record: a job of several seconds for 3 workers
        GeneratedFile numbers = NumbersGenerator.write(dir.resolve("numbers.txt"), NumbersSpec.integers(200_000, 11));
        Path out = dir.resolve("out");
        AtomicBoolean killed = new AtomicBoolean();

        try (LocalRun run = fixture.localRun(3, 1, 20, "256m");
             HeadlessChromium browser = HeadlessChromium.start(chromium.get(), dir.resolve("chromium"))) {
            // When the page is open while the job runs, and one worker is killed with SIGKILL mid-job
            run.onProgress(progress -> {
                if (progress.mergedChunks() >= 40 && killed.compareAndSet(false, true)) {
                    run.workers().get(0).kill();
                }
            });
            CompletableFuture<JobReport> job = CompletableFuture.supplyAsync(() -> {
                try {
                    return run.execute(RunFixture.request(JOB, numbers.file(), InputFormat.NUMBERS, 500, false, out), out);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String page = await().atMost(Duration.ofSeconds(120)).until(run::livePageUrl, Optional::isPresent).get();
            browser.navigate(page);
            await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> {
                if (job.isCompletedExceptionally()) {
                    job.join(); // the run failed: say why at once rather than time out
                }
                assertThat(browser.evaluate("document.querySelector('#job-id')?.textContent ?? ''").asText())
                        .as("the job id on the page, whose text is: %s", browser.evaluate("document.body.innerText").asText())
                        .isEqualTo(JOB);
            });
            JobReport report = job.get(3, TimeUnit.MINUTES);

            // Then the page shows the job, throughput points, the report's workers, and the killed one as dead
            assertThat(killed).isTrue();
            assertThat(report.succeeded()).isTrue();
            String killedWorker = run.workers().get(0).name();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(browser.evaluate("document.querySelector('#job-status')?.textContent ?? ''").asText()).contains("succeeded");
                assertThat(browser.evaluate("+(document.querySelector('#throughput')?.dataset.points ?? 0)").asInt()).isGreaterThan(1);
                assertThat(rows(browser)).isEqualTo(shares(report));
                assertThat(browser.evaluate("document.querySelector('tr[data-worker=\"" + killedWorker
                        + "\"]')?.dataset.state ?? ''").asText()).isEqualTo("dead");
                assertThat(browser.evaluate("[...document.querySelectorAll('tr[data-state=\"live\"]')].length").asInt())
                        .isEqualTo(2);
            });
            assertThat(browser.evaluate("document.querySelector('tr[data-worker=\"" + killedWorker + "\"]').textContent")
                    .asText()).contains("dead"); // said in words, not only in colour
            browser.screenshot(Path.of("target", "live-page-1280.png"), 1280, 2000);
            browser.screenshot(Path.of("target", "live-page-390.png"), 390, 3000);
            // At phone width nothing scrolls sideways: the worker rows are cards, each value beside its heading
            assertThat(browser.evaluate("document.documentElement.scrollWidth <= window.innerWidth").asBoolean()).isTrue();
            assertThat(browser.evaluate("getComputedStyle(document.querySelector('#workers tbody tr')).display").asText())
                    .isEqualTo("block");
            assertThat(browser.evaluate("document.querySelector('#workers td[data-field=\"chunks\"]').dataset.label").asText())
                    .isEqualTo("chunks");
        }
    }

    /** Chunks and records of each worker row of the page. */
    private static Map<String, String> rows(HeadlessChromium browser) {
        JsonNode rows = browser.evaluate("[...document.querySelectorAll('#workers tbody tr')]"
                + ".map(tr => [tr.dataset.worker, tr.dataset.chunks + ' chunks, ' + tr.dataset.records + ' records'])");
        Map<String, String> out = new TreeMap<>();
        rows.forEach(row -> out.put(row.get(0).asText(), row.get(1).asText()));
        return out;
    }

    private static Map<String, String> shares(JobReport report) {
        Map<String, String> out = new TreeMap<>();
        report.perWorker().forEach((worker, share) -> out.put(worker, share.chunks() + " chunks, " + share.records() + " records"));
        return out;
    }
}
