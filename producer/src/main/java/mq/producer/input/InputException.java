package mq.producer.input;

/** The input file cannot be read as the format says: names the line and the offending text. */
public class InputException extends RuntimeException {
    private final long line;
    private final String text;

    public InputException(long line, String text, String problem) {
        super("line " + line + ": " + problem + (text == null ? "" : ": " + text));
        this.line = line;
        this.text = text;
    }

    public long line() {
        return line;
    }

    public String text() {
        return text;
    }
}
