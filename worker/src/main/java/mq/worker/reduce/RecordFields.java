package mq.worker.reduce;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import mq.common.protocol.Json;

/**
 * Reads one line's JSON object with Jackson's streaming parser, keeping as trees only the fields a
 * record job needs (key, timestamp, sum fields) and skipping the rest token by token. Every token
 * is still read, so a malformed line is found as before; the line's own bytes stay the record's
 * text. A full tree per record (every nested object, a BigDecimal for every decimal) was most of a
 * worker's time.
 */
final class RecordFields {
    private static final JsonFactory FACTORY = Json.RECORDS.getFactory();

    /** The wanted fields' values, in the order of {@link #wanted}; null where a field is absent. */
    private final List<String> wanted;
    private final JsonNode[] values;

    /** @param wanted the key field, the timestamp field, then the sum fields */
    RecordFields(List<String> wanted) {
        this.wanted = wanted;
        this.values = new JsonNode[wanted.size()];
    }

    /** A line that is not one JSON object. */
    static final class NotAnObjectException extends Exception {
        NotAnObjectException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Reads the object on {@code body[from, to)}; afterwards {@link #value(int)} holds each wanted
     * field's value (the last one when a field occurs twice, as in a tree).
     *
     * @throws IOException            malformed JSON (Jackson's message says where)
     * @throws NotAnObjectException   well-formed, but not a single object
     */
    void read(byte[] body, int from, int to) throws IOException, NotAnObjectException {
        java.util.Arrays.fill(values, null);
        try (JsonParser parser = FACTORY.createParser(body, from, to - from)) {
            parser.setCodec(Json.RECORDS);
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                parser.skipChildren();
                throwIfMore(parser);
                throw new NotAnObjectException("not a JSON object");
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                JsonNode value = null;
                for (int i = 0; i < values.length; i++) {
                    if (wanted.get(i).equals(name)) { // a field may be wanted twice, e.g. as key and as sum
                        if (value == null) {
                            value = parser.readValueAsTree();
                        }
                        values[i] = value;
                    }
                }
                if (value == null) {
                    parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw new IOException("unexpected end of the line inside an object");
            }
            throwIfMore(parser);
        }
    }

    JsonNode value(int index) {
        return values[index];
    }

    /** The value of the wanted field {@code name} on the last line read, {@code null} if absent (or not wanted). */
    JsonNode get(String name) {
        int index = wanted.indexOf(name);
        return index < 0 ? null : values[index];
    }

    private static void throwIfMore(JsonParser parser) throws IOException, NotAnObjectException {
        if (parser.nextToken() != null) {
            throw new NotAnObjectException("malformed JSON: more than one value on the line");
        }
    }
}
