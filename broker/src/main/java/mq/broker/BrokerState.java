package mq.broker;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * What {@code broker.json} records about a started broker process. The file exists only while a
 * broker started from its directory may be running.
 *
 * @param pid            the broker's process id
 * @param bootstrap      what clients pass as {@code bootstrap.servers}
 * @param brokerPort     client listener port
 * @param controllerPort KRaft controller listener port
 * @param clusterId      the id the storage was formatted with
 * @param startedAt      ISO-8601 instant of the launch
 * @param processStart   the start instant the operating system reports for {@code pid} (null where it
 *                       reports none): a recycled pid has another one
 */
public record BrokerState(long pid, String bootstrap, int brokerPort, int controllerPort, String clusterId,
                          String startedAt, String processStart) {

    /** The operating system's start instant of {@code process}, or null where it reports none. */
    public static String processStart(ProcessHandle process) {
        return process.info().startInstant().map(Object::toString).orElse(null);
    }

    /** Whether {@code pid} is alive and is still the process this state was written for. */
    public Optional<ProcessHandle> liveProcess() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> processStart == null || processStart.equals(processStart(p)));
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The state in {@code file}, or empty when there is none or it cannot be read. */
    public static Optional<BrokerState> read(Path file) {
        try {
            return Optional.of(JSON.readValue(Files.readAllBytes(file), BrokerState.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // A half-written or hand-edited file describes no broker we can trust.
            return Optional.empty();
        }
    }

    /** Writes atomically, so a concurrent reader sees the old or the new state, never half of one. */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, JSON.writeValueAsBytes(this));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
