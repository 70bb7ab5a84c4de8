package mq.generate.schema;

/** One generated value: how JSON writes it, and its text. Reused from row to row. */
final class Cell {
    enum Kind { TEXT, NUMBER, BOOLEAN, NULL }

    Kind kind = Kind.NULL;
    String text;

    void text(String value) {
        kind = Kind.TEXT;
        text = value;
    }

    void number(String value) {
        kind = Kind.NUMBER;
        text = value;
    }

    void bool(boolean value) {
        kind = Kind.BOOLEAN;
        text = value ? "true" : "false";
    }

    void blank() {
        kind = Kind.NULL;
        text = null;
    }
}
