package mq.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mq.broker.ClassPath;

/**
 * A role ({@code worker}, {@code aggregator}) started as its own JVM from our own class path, its
 * output going to a log file. Separate processes are the point: each has its own heap, GC and
 * Kafka clients, and can be killed on its own.
 */
public final class ChildProcess {
    /**
     * The command line's entry point, named rather than imported: the launcher sits below the command
     * line, which starts it, and must not depend on it.
     */
    public static final String MAIN_CLASS = "mq.cli.Main";

    /** The line a role logs when its HTTP server is up (see RoleHttpServer). */
    private static final Pattern METRICS_LINE = Pattern.compile("metrics on (http://\\S+/metrics)");

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * @param jit the JIT mode, resolved (C1 or C2): C1 alone suits roles that live seconds, not measured
     *            busy work, whose loop must run as fast as where it was calibrated
     */
    public static ChildProcess start(String name, List<String> mqArguments, String heap, Path log, JitMode jit)
            throws IOException {
        return startMain(name, MAIN_CLASS, mqArguments, heap, log, jit);
    }

    /** Any class of our class path with a {@code main}, e.g. a lab's baseline measured under the roles' JIT mode. */
    public static ChildProcess startMain(String name, String mainClass, List<String> arguments, String heap, Path log,
                                         JitMode jit) throws IOException {
        if (jit == JitMode.AUTO) {
            throw new IllegalArgumentException("resolve the JIT mode before starting " + name);
        }
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:+UseSerialGC"); // a small role on a shared 2-core box: no parallel GC threads competing
        // Roles of a run live seconds: C2 compiling on the same 2 cores can cost more than its faster code
        // gains (a 100,000-record job ran 1.6 times faster with C1 alone); --jit chooses, and reports say which.
        command.addAll(jit.jvmOptions());
        command.add(ParentWatch.optionForChildren());
        command.add("-cp");
        command.add(ClassPath.ofThisJvm());
        command.add(mainClass);
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ChildProcess(name, process, log);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitCode() {
        return process.exitValue();
    }

    public Path log() {
        return log;
    }

    /** Waits for the process to end on its own; kills it past {@code timeout}. @return its exit code */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
            throw new IllegalStateException(name + " did not finish within " + timeout.toSeconds() + " s; see " + log);
        }
        return process.exitValue();
    }

    /** SIGKILL: the process gets no chance to clean up, as in a real crash. */
    public void kill() {
        process.destroyForcibly();
    }

    /** SIGTERM, then SIGKILL if it has not stopped within {@code grace}. */
    public void stop(Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Where the role serves its metrics, once it has logged it (it is started with {@code --metrics-port 0}). */
    public Optional<String> metricsUrl() {
        return logged(METRICS_LINE);
    }

    /** The first group of the first log line that matches {@code pattern}, once the role has logged one. */
    public Optional<String> logged(Pattern pattern) {
        try {
            for (String line : Files.readAllLines(log)) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return Optional.of(matcher.group(1));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The last lines of the log, for error messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
