package mq.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mq.broker.ClassPath;

/** A child JVM on this JVM's class path, its output captured in files so it can never block on a pipe. */
public final class JavaProcess implements AutoCloseable {

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private JavaProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts {@code mainClass} with {@code args}. */
    public static JavaProcess start(Class<?> mainClass, String... args) {
        try {
            Path out = Files.createTempFile("mq-child-", ".out");
            Path err = Files.createTempFile("mq-child-", ".err");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", ClassPath.ofThisJvm(), mainClass.getName()));
            command.addAll(List.of(args));
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            return new JavaProcess(process, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code mainClass} to completion. */
    public static Result run(Duration timeout, Class<?> mainClass, String... args) {
        try (JavaProcess child = start(mainClass, args)) {
            return child.await(timeout);
        }
    }

    /** Waits for the exit; kills the process and fails if it takes longer than {@code timeout}. */
    public Result await(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child process did not exit within " + timeout + "; stderr:\n" + stderr());
            }
            return new Result(process.exitValue(), stdout(), stderr());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public Process process() {
        return process;
    }

    public String stdout() {
        return read(stdout);
    }

    public String stderr() {
        return read(stderr);
    }

    /** SIGKILL: the child gets no chance to leave its group or close connections. */
    public void kill() {
        process.destroyForcibly();
        process.onExit().join();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        try {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exit code and complete output of a finished child. */
    public record Result(int exitCode, String stdout, String stderr) {
    }
}
