package mq.worker.reduce;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import mq.common.csv.CsvBoundary;
import mq.common.csv.CsvFields;
import mq.common.protocol.ChunkMeta;

/**
 * Walks the CSV records of a chunk body (the input's own bytes, cut on record boundaries) and
 * turns each into a JSON object of the header's columns: every value a string exactly as written,
 * an empty field (quoted or not) {@code null}. Counts the input's lines itself, line breaks inside
 * quoted fields included, so that every record is named by the line where it starts.
 */
final class CsvBodyRecords {
    @FunctionalInterface
    interface Visitor {
        /**
         * @param line   input line where the record starts
         * @param text   the record as written, without its final line break
         * @param fields the record as a JSON object, or {@code null} when it is not valid CSV
         * @param error  why it is not, when {@code fields} is {@code null}
         */
        void record(long line, String text, ObjectNode fields, String error);
    }

    private CsvBodyRecords() {
    }

    static void forEach(ChunkMeta meta, byte[] body, Visitor visitor) {
        char delimiter = meta.recordSpec().csvDelimiter();
        CsvBoundary boundary = new CsvBoundary(delimiter);
        CsvFields fields = new CsvFields(delimiter);
        List<String> columns = meta.csvColumns();
        long line = meta.firstLine();
        int start = 0;
        int lineBreaks = 0;
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            boolean ends = boundary.endsRecord(b);
            if (b == '\n') {
                lineBreaks++;
            }
            if (ends || i == body.length - 1) {
                int to = ends ? i : i + 1;
                if (!isBlank(body, start, to)) {
                    visit(visitor, fields, columns, line, text(body, start, to));
                }
                line += lineBreaks;
                lineBreaks = 0;
                start = i + 1;
            }
        }
    }

    private static void visit(Visitor visitor, CsvFields fields, List<String> columns, long line, String text) {
        String[] values;
        try {
            values = fields.read(text);
        } catch (IOException | RuntimeException e) {
            visitor.record(line, text, null, "malformed CSV: " + firstLine(e.getMessage()));
            return;
        }
        if (values.length != columns.size()) {
            visitor.record(line, text, null, "has " + values.length + " field" + (values.length == 1 ? "" : "s")
                    + " but the header row names " + columns.size());
            return;
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (int c = 0; c < values.length; c++) {
            String value = values[c];
            if (value.isEmpty()) {
                object.putNull(columns.get(c));
            } else {
                object.put(columns.get(c), value);
            }
        }
        visitor.record(line, text, object, null);
    }

    private static boolean isBlank(byte[] body, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** The record's text without the {@code \r} of a {@code \r\n} line end. */
    private static String text(byte[] body, int from, int to) {
        int end = to > from && body[to - 1] == '\r' ? to - 1 : to;
        return new String(body, from, end - from, StandardCharsets.UTF_8);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
