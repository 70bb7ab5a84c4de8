package mq.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mq.launcher.ChildProcess;
import mq.testing.TestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The roles' runtime carries no broker: Kafka's broker and Scala jars are packaged apart, in
 * {@code broker-lib/}, and a worker that {@code ./mq run} starts from the packaged jar does not have
 * them on its class path.
 */
class RoleClassPathIT {
    private static final Path JAR = Path.of(System.getProperty("mq.jar")).toAbsolutePath();
    private static final Pattern BROKER_JAR = Pattern.compile("(kafka_2\\.13|scala-library|scala-reflect)-[^/\\\\]*\\.jar");

    @Test
    void theRolesLibrariesHoldNoBrokerJarAndBrokerLibHoldsThem() throws IOException {
        List<String> roles = jarNames(JAR.resolveSibling("lib"));
        List<String> broker = jarNames(JAR.resolveSibling("broker-lib"));

        assertThat(roles).anyMatch(name -> name.startsWith("kafka-clients-"))
                .noneMatch(name -> BROKER_JAR.matcher(name).matches());
        assertThat(broker).anyMatch(name -> name.startsWith("kafka_2.13-"))
                .anyMatch(name -> name.startsWith("scala-library-"));
    }

    @Test
    void aWorkerStartedByMqRunHasNoBrokerJarOnItsClassPath(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("numbers.txt");
        Files.write(input, IntStream.rangeClosed(1, 20_000).mapToObj(Integer::toString).toList());
        // --work-us keeps the worker busy for about two seconds, long enough to read its command line.
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "run", "--input", input.toString(), "--workers", "1", "--chunk-size", "1000",
                "--work-us", "100", "--heap", "256m", "--no-progress", "--out", dir.resolve("out").toString(),
                "--bootstrap", TestBroker.bootstrap(), "--topic-prefix", TestBroker.uniqueName("cp") + ".",
                "--chunk-partitions", "2")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("run.log").toFile())
                .start();
        try {
            List<String> workerArguments = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50))
                    .until(() -> workerArguments(run), Optional::isPresent).orElseThrow();
            assertThat(run.waitFor(3, TimeUnit.MINUTES)).as("mq run finished").isTrue();
            assertThat(run.exitValue()).as(Files.readString(dir.resolve("run.log"))).isZero();

            List<String> classPath = Arrays.asList(
                    workerArguments.get(workerArguments.indexOf("-cp") + 1).split(File.pathSeparator));
            assertThat(classPath).anyMatch(entry -> entry.contains("mq-worker"))
                    .noneMatch(entry -> BROKER_JAR.matcher(Path.of(entry).getFileName().toString()).matches());
        } finally {
            run.destroyForcibly();
        }
    }

    /** The arguments of the worker process that {@code run} started, once it runs. */
    private static Optional<List<String>> workerArguments(Process run) {
        return run.descendants()
                .map(process -> process.info().arguments().map(List::of).orElse(List.of()))
                .filter(arguments -> arguments.contains(ChildProcess.MAIN_CLASS) && arguments.contains("worker"))
                .findFirst();
    }

    private static List<String> jarNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".jar")).toList();
        }
    }
}
