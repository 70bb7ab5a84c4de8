package mq.generate.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field of a schema, as Mockaroo's generate API takes it: {@code {"name":"email","type":"Email
 * Address","percentBlank":10}} plus the type's own options ({@code min}, {@code max},
 * {@code values}, {@code format}, ...). A dotted name ({@code address.city}) nests the value in
 * JSON output and is the column's name in CSV.
 */
record FieldSpec(String name, String type, int percentBlank, JsonNode options) {

    String text(String option, String fallback) {
        JsonNode value = options.get(option);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    double number(String option, double fallback) {
        JsonNode value = options.get(option);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (value.isNumber() || value.isTextual() && isNumber(value.asText())) {
            return value.asDouble();
        }
        throw new SchemaException("field '" + name + "': option '" + option + "' must be a number, was " + value);
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
