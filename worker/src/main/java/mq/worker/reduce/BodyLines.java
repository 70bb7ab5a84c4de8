package mq.worker.reduce;

import java.nio.charset.StandardCharsets;

/**
 * Walks the lines of a chunk body without copying it: for each line, its bounds with surrounding
 * white space (and a {@code \r} before the newline) trimmed away.
 */
final class BodyLines {
    @FunctionalInterface
    interface LineVisitor {
        /**
         * @param bodyLine 0-based index of the line in the body, blank lines included
         * @param from     first byte of the trimmed line
         * @param to       one past its last byte; {@code from == to} for a blank line
         */
        void visit(int bodyLine, int from, int to);
    }

    private BodyLines() {
    }

    static void forEach(byte[] body, LineVisitor visitor) {
        int bodyLine = 0;
        int start = 0;
        for (int i = 0; i <= body.length; i++) {
            if (i == body.length || body[i] == '\n') {
                if (i == body.length && start == i) {
                    break; // the body ends with a newline
                }
                int from = start;
                int to = i;
                while (from < to && isSpace(body[from])) from++;
                while (to > from && isSpace(body[to - 1])) to--;
                visitor.visit(bodyLine++, from, to);
                start = i + 1;
            }
        }
    }

    static String text(byte[] body, int from, int to) {
        return new String(body, from, to - from, StandardCharsets.UTF_8);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }
}
