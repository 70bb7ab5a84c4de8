package mq.generate;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * A file a generator has written.
 *
 * @param file    where
 * @param items   numbers (lines) or records written
 * @param keys    distinct record ids; 0 for numbers
 * @param sum     the exact sum of the numbers; {@code null} for records
 * @param bytes   the file's size
 * @param elapsed how long writing took
 */
public record GeneratedFile(Path file, long items, long keys, BigDecimal sum, long bytes, Duration elapsed) {

    /** One line for the terminal, e.g. {@code data/numbers.txt: 1000 lines, 7893 bytes, 0.01 s, sum 12345}. */
    public String summary() {
        String what = sum != null
                ? items + " lines"
                : items + " records, " + keys + " keys";
        String tail = sum != null ? ", sum " + sum.toPlainString() : "";
        return String.format(Locale.ROOT, "%s: %s, %d bytes, %.2f s%s",
                file, what, bytes, elapsed.toNanos() / 1e9, tail);
    }
}
