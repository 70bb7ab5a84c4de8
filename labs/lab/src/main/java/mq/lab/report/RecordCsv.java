package mq.lab.report;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Writes a list of records as CSV: one column per record component, in declaration order. */
public final class RecordCsv {
    private RecordCsv() {
    }

    public static <R extends Record> Path write(List<R> rows, Class<R> type, Path file) throws IOException {
        RecordComponent[] columns = type.getRecordComponents();
        StringBuilder csv = new StringBuilder(Arrays.stream(columns).map(RecordComponent::getName)
                .collect(Collectors.joining(","))).append('\n');
        for (R row : rows) {
            csv.append(Arrays.stream(columns).map(c -> value(read(c, row))).collect(Collectors.joining(","))).append('\n');
        }
        return Files.writeString(file, csv, StandardCharsets.UTF_8);
    }

    private static Object read(RecordComponent component, Record row) {
        try {
            return component.getAccessor().invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    static String value(Object value) {
        String text = value == null || value instanceof Double d && d.isNaN() ? "" : String.valueOf(value);
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
