package mq.lab.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mq.common.protocol.Json;
import mq.producer.JobPublisher;

/**
 * What the baseline JVM ({@link BaselineMain}) measures, handed over as a JSON file written with
 * the protocol's mapper: the record spec travels in the same JSON form as in a job's
 * {@code started} event, so any field name, pattern or delimiter arrives as it left and the
 * baseline reads the input exactly as the pipeline's runs do.
 *
 * @param workMicros extra CPU work per record
 * @param repeat     measurements per chunk size and thread count; the fastest counts
 */
public record BaselineRequest(LabInput input, int workMicros, int repeat, List<Integer> chunkSizes, List<Integer> threads) {
    public BaselineRequest {
        chunkSizes = List.copyOf(chunkSizes);
        threads = List.copyOf(threads);
    }

    /** The job to cut and reduce in chunks of {@code chunkSize} records. */
    JobPublisher.Request job(String id, int chunkSize) {
        return input.job(id, chunkSize, null);
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Json.encode(this));
    }

    static BaselineRequest read(Path file) throws IOException {
        return Json.decode(Files.readAllBytes(file), BaselineRequest.class);
    }
}
