package mq.common.protocol;

/**
 * Makes untrusted text (input lines, message fields) safe to print: control characters such as
 * ESC or a carriage return would otherwise reach a terminal raw and rewrite what it shows.
 */
public final class Terminal {
    /** Longest text quoted in a message; the rest is cut off with an ellipsis. */
    public static final int MAX_QUOTED = 200;

    private Terminal() {
    }

    /** The text with every control character written as an escape ({@code \n}, {@code \r}, {@code \t}, {@code \u001b}). */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = replacement(c);
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return out == null ? text : out.toString();
    }

    /** The text escaped, shortened to {@link #MAX_QUOTED} characters and put in single quotes. */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        String shown = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text;
        return "'" + escape(shown) + "'";
    }

    private static String replacement(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    ? String.format("\\u%04x", (int) c) : null;
        };
    }
}
