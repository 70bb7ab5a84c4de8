package mq.cli.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import mq.common.protocol.Json;
import mq.testing.Docker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * {@code docker compose up --scale worker=2} as users run it, where a Docker engine exists (skipped
 * without one): the default job, on a file of 1..N written here, must give the exact sum.
 */
class ComposeIT {
    private static final int METRICS_PORT = 9400;
    private static final long N = 200_000;

    @TempDir
    Path dir;

    @Test
    void theDefaultJobRunsOnTwoWorkersWithTheExactResult() throws Exception {
        assumeTrue(Docker.available(), "needs a Docker engine");

        // Given the numbers 1..N as the default job's input
        Path data = Files.createDirectories(dir.resolve("data"));
        StringBuilder numbers = new StringBuilder();
        for (long n = 1; n <= N; n++) {
            numbers.append(n).append('\n');
        }
        Files.writeString(data.resolve("numbers.txt"), numbers);
        File composeFile = repositoryRoot().resolve("docker-compose.yml").toFile();

        // When the compose file is brought up with two workers, and the producer waits for both
        try (ComposeContainer compose = new ComposeContainer(composeFile)
                .withBuild(true)
                .withEnv("DATA_DIR", data.toString())
                .withEnv("REPORTS_DIR", Files.createDirectories(dir.resolve("reports")).toString())
                .withEnv("MQ_WAIT_FOR_WORKERS", "2")
                .withEnv("MQ_WORK_US", "0")
                .withScaledService("worker", 2)
                .withExposedService("aggregator", METRICS_PORT,
                        Wait.forHttp("/health").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(10)))) {
            compose.start();
            String base = "http://" + compose.getServiceHost("aggregator", METRICS_PORT) + ":"
                    + compose.getServicePort("aggregator", METRICS_PORT);

            // Then the aggregator reports one job, with the exact sum from both workers
            JsonNode[] jobs = new JsonNode[1];
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                jobs[0] = Json.MAPPER.readTree(get(base + "/jobs"));
                assertThat(jobs[0]).hasSize(1);
            });
            JsonNode report = Json.MAPPER.readTree(get(base + "/jobs/" + jobs[0].get(0).get("job").asText()));
            assertThat(report.get("status").asText()).isEqualTo("succeeded");
            assertThat(report.get("verified").asBoolean()).isTrue();
            assertThat(report.get("count").asLong()).isEqualTo(N);
            assertThat(report.get("sum").asText()).isEqualTo(Long.toString(N * (N + 1) / 2));
            assertThat(report.get("workers").asInt()).isEqualTo(2);
        }
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
        return response.body();
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docker-compose.yml"))) {
                return p;
            }
        }
        throw new IllegalStateException("docker-compose.yml not found");
    }
}
