package mq.generate.schema;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes rows as JSON objects, one per line: a Mockaroo-style array or JSON Lines. Dotted names
 * nest ({@code address.city} and {@code address.zip} make one {@code address} object), in the
 * order their first field appears in the schema.
 */
final class JsonRowWriter implements RowWriter {
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    /** A field (its column) or, with column -1, an object of further nodes. */
    private static final class Node {
        final String name;
        int column = -1;
        final Map<String, Node> children = new LinkedHashMap<>();

        Node(String name) {
            this.name = name;
        }
    }

    private final JsonGenerator json;
    private final boolean array;
    private final Node root;
    private boolean first = true;

    JsonRowWriter(Writer out, List<String> names, boolean array) throws IOException {
        this.array = array;
        this.root = tree(names);
        this.json = JSON.createGenerator(out);
        json.setPrettyPrinter(new MinimalPrettyPrinter("")); // no separator between root values: we write the line ends
        if (array) {
            json.writeRaw("[\n");
        }
    }

    private static Node tree(List<String> names) {
        Node root = new Node(null);
        for (int i = 0; i < names.size(); i++) {
            String[] path = names.get(i).split("\\.");
            Node at = root;
            for (int p = 0; p < path.length - 1; p++) {
                at = at.children.computeIfAbsent(path[p], Node::new);
                if (at.column >= 0) {
                    throw new SchemaException("field '" + names.get(i) + "' nests inside '" + path[p] + "', which is a value");
                }
            }
            Node leaf = new Node(path[path.length - 1]);
            leaf.column = i;
            if (at.children.putIfAbsent(leaf.name, leaf) != null) {
                throw new SchemaException("field '" + names.get(i) + "' is both a value and an object of nested fields");
            }
        }
        return root;
    }

    @Override
    public void write(Cell[] cells) throws IOException {
        if (array && !first) {
            json.writeRaw(",\n");
        }
        first = false;
        writeObject(root, cells);
        if (!array) {
            json.writeRaw('\n');
        }
    }

    private void writeObject(Node object, Cell[] cells) throws IOException {
        json.writeStartObject();
        for (Node node : object.children.values()) {
            json.writeFieldName(node.name);
            if (node.column < 0) {
                writeObject(node, cells);
                continue;
            }
            Cell cell = cells[node.column];
            switch (cell.kind) {
                case TEXT -> json.writeString(cell.text);
                case NUMBER -> json.writeNumber(cell.text);
                case BOOLEAN -> json.writeBoolean(cell.text.equals("true"));
                case NULL -> json.writeNull();
            }
        }
        json.writeEndObject();
    }

    @Override
    public void close() throws IOException {
        if (array) {
            json.writeRaw(first ? "]\n" : "\n]\n");
        }
        json.flush();
    }
}
