package mq.common.protocol;

/**
 * A line of input that could not be used.
 *
 * @param line  1-based line number in the input file
 * @param text  the offending text, shortened to at most {@link #MAX_TEXT} characters
 * @param error what is wrong with it
 */
public record BadLine(long line, String text, String error) {
    public static final int MAX_TEXT = 200;

    public BadLine {
        if (text != null && text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT) + "…";
        }
    }

    public String describe(String source) {
        return Terminal.escape(source) + ", line " + line + ": " + error + ": " + Terminal.escape(text);
    }
}
