package mq.generate.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields of a record, read from Mockaroo's JSON: an array of fields, or an object with a
 * {@code fields} array (what Mockaroo's "Save schema" and generate API use).
 */
public record Schema(List<FieldSpec> fields) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The example that ships with the repository: today's record shape as a schema. */
    public static final String BUILT_IN = "mockaroo-people.json";

    public Schema {
        fields = List.copyOf(fields);
    }

    public static Schema read(Path file) throws IOException {
        try {
            return parse(JSON.readTree(Files.readString(file)), file.getFileName().toString());
        } catch (JsonProcessingException e) {
            throw new SchemaException(file.getFileName() + ": not JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"));
        }
    }

    /** The schema that ships with the program (a copy of {@code examples/schemas/mockaroo-people.json}). */
    public static Schema builtIn() throws IOException {
        try (InputStream in = Schema.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IOException("the built-in schema " + BUILT_IN + " is missing from the program");
            }
            return parse(JSON.readTree(in), BUILT_IN);
        }
    }

    static Schema parse(JsonNode root, String source) {
        JsonNode fields = root.isObject() ? root.get("fields") : root;
        if (fields == null || !fields.isArray() || fields.isEmpty()) {
            throw new SchemaException(source + ": expected a JSON array of fields, or an object with a \"fields\" array");
        }
        List<FieldSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            JsonNode field = fields.get(i);
            String where = source + ", field " + (i + 1);
            if (!field.isObject() || !field.path("name").isTextual() || field.path("name").asText().isBlank()) {
                throw new SchemaException(where + ": needs a \"name\"");
            }
            String name = field.get("name").asText();
            if (!field.path("type").isTextual()) {
                throw new SchemaException(where + " ('" + name + "'): needs a \"type\"");
            }
            if (!names.add(name)) {
                throw new SchemaException(where + ": the name '" + name + "' is used twice");
            }
            int blank = field.path("percentBlank").asInt(0);
            if (blank < 0 || blank > 100) {
                throw new SchemaException(where + " ('" + name + "'): percentBlank must be 0 to 100, was " + blank);
            }
            specs.add(new FieldSpec(name, field.get("type").asText(), blank, field));
        }
        return new Schema(specs);
    }

    public List<String> names() {
        return fields.stream().map(FieldSpec::name).toList();
    }
}
