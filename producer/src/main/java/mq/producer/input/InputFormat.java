package mq.producer.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import mq.common.protocol.JobKind;

/** The input file formats the producer reads. */
public enum InputFormat {
    /** One number per line. */
    NUMBERS("numbers", JobKind.NUMBERS),
    /** A JSON array of objects, as Mockaroo exports it. */
    JSON_ARRAY("json", JobKind.RECORDS),
    /** One JSON object per line. */
    JSON_LINES("jsonl", JobKind.RECORDS),
    /** CSV with a header row naming the fields (RFC 4180), as Mockaroo downloads it. */
    CSV("csv", JobKind.RECORDS);

    private final String optionName;
    private final JobKind kind;

    InputFormat(String optionName, JobKind kind) {
        this.optionName = optionName;
        this.kind = kind;
    }

    public String optionName() {
        return optionName;
    }

    public JobKind kind() {
        return kind;
    }

    /** Parses a {@code --format} value; {@code auto} (or null) looks at the file. */
    public static InputFormat fromOption(String option, Path file) throws IOException {
        if (option == null || option.equals("auto")) {
            return detect(file);
        }
        for (InputFormat format : values()) {
            if (format.optionName.equals(option)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + option + "': use auto, numbers, json, jsonl or csv");
    }

    /**
     * A {@code .csv} file is CSV; otherwise by the first character that is not white space: '[' is a
     * JSON array, '{' JSON Lines, anything else numbers.
     */
    public static InputFormat detect(Path file) throws IOException {
        Path name = file.getFileName();
        if (name != null && name.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            return CSV;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[8192];
            int read;
            boolean first = true;
            while ((read = in.read(buffer)) > 0) {
                int start = 0;
                if (first && read >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
                    start = 3; // UTF-8 byte order mark
                }
                first = false;
                for (int i = start; i < read; i++) {
                    byte b = buffer[i];
                    if (!Character.isWhitespace(b)) {
                        return switch (b) {
                            case '[' -> JSON_ARRAY;
                            case '{' -> JSON_LINES;
                            default -> NUMBERS;
                        };
                    }
                }
            }
        }
        return NUMBERS;
    }
}
