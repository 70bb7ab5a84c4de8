package mq.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** broker.log: the broker's stdout and stderr, kept below about 10 MiB (the previous one becomes broker.log.1). */
final class BrokerLog {
    private static final long ROTATE_BYTES = 10L * 1024 * 1024;
    private static final int TAIL_LINES = 30;

    private final Path file;

    BrokerLog(Path dir) {
        this.file = dir.resolve("broker.log");
    }

    Path file() {
        return file;
    }

    /** Called before a start, never while a broker appends to the file. */
    void rotate() throws IOException {
        if (Files.exists(file) && Files.size(file) > ROTATE_BYTES) {
            Files.move(file, file.resolveSibling("broker.log.1"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    void append(String line) throws IOException {
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** The last {@code lines} lines, or none if there is no log yet. */
    List<String> tail(int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Where to look when the broker did not come up: the log's last lines. */
    String tailMessage() {
        return "last lines of " + file + ":\n" + String.join("\n", tail(TAIL_LINES));
    }
}
