package mq.producer.input;

/** The input file cannot be read as the format says: names the line and the offending text. */
public class InputException extends RuntimeException {
    private final long line;
    private final String text;
    private final String problem;

    public InputException(long line, String text, String problem) {
        this(null, line, text, problem);
    }

    private InputException(String source, long line, String text, String problem) {
        super((source == null ? "" : source + ", ") + "line " + line + ": " + problem + (text == null ? "" : ": " + text));
        this.line = line;
        this.text = text;
        this.problem = problem;
    }

    /** The same error, its message naming the file. */
    public InputException inFile(String source) {
        return new InputException(source, line, text, problem);
    }

    public String problem() {
        return problem;
    }

    public long line() {
        return line;
    }

    public String text() {
        return text;
    }
}
