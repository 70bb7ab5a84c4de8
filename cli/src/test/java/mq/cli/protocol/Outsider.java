package mq.cli.protocol;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes messages the way a client outside the project would: with kcat, a separate program that
 * knows nothing of the project's codec. A test that needs it is skipped, saying why, where it is
 * not installed (Debian: {@code apt-get install kcat}).
 */
final class Outsider {
    private final String bootstrap;

    Outsider(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    static void assumeKcat() {
        boolean present;
        try {
            Process process = new ProcessBuilder("kcat", "-V").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            present = process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            present = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            present = false;
        }
        assumeTrue(present, "kcat is not installed (apt-get install kcat): the outsider's messages cannot be written");
    }

    /** Sends one message (the value's text, newlines and all). Headers are {@code name=value} pairs. */
    void send(String topic, String key, String value, String... headers) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kcat", "-P", "-b", bootstrap, "-t", topic, "-p", "0"));
        if (key != null) {
            command.addAll(List.of("-k", key));
        }
        for (String header : headers) {
            command.addAll(List.of("-H", header));
        }
        // A file is one message, newlines and all.
        Path file = Files.createTempFile("outsider", ".msg");
        Files.writeString(file, value, StandardCharsets.UTF_8);
        command.add(file.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean done = process.waitFor(30, TimeUnit.SECONDS);
        Files.delete(file);
        if (!done || process.exitValue() != 0) {
            throw new IllegalStateException("kcat failed: " + output);
        }
    }
}
