package mq.generate.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The field types a schema may use, by Mockaroo's names, each turning a {@link FieldSpec} into a
 * {@link Column}. An unknown type is an error that lists these.
 */
final class FieldTypes {
    /** Builds a column; {@code context} holds the pools and the run's settings. */
    @FunctionalInterface
    private interface Factory {
        Column create(FieldSpec field, Context context);
    }

    /** What columns are built from. */
    record Context(DatafakerPools pools, long seed, long count) {
    }

    private static final String[] GENDERS = {"Male", "Female", "Male", "Female", "Male", "Female", "Male", "Female",
            "Male", "Female", "Agender", "Bigender", "Genderfluid", "Genderqueer", "Non-binary", "Polygender"};

    private static final Map<String, Factory> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("Row Number", (f, c) -> (row, cell) -> cell.number(Long.toString(row.number)));
        TYPES.put("First Name", (f, c) -> picking(c.pools().firstNames()));
        TYPES.put("Last Name", (f, c) -> picking(c.pools().lastNames()));
        TYPES.put("Full Name", (f, c) -> {
            String[] first = c.pools().firstNames();
            String[] last = c.pools().lastNames();
            return (row, cell) -> cell.text(row.pick(first) + " " + row.pick(last));
        });
        TYPES.put("Email Address", (f, c) -> picking(c.pools().emails()));
        TYPES.put("Gender", (f, c) -> picking(GENDERS));
        TYPES.put("IP Address v4", (f, c) -> (row, cell) -> cell.text((1 + row.random.nextInt(254)) + "."
                + row.random.nextInt(256) + "." + row.random.nextInt(256) + "." + (1 + row.random.nextInt(254))));
        TYPES.put("Country", (f, c) -> picking(c.pools().countries()));
        TYPES.put("City", (f, c) -> picking(c.pools().cities()));
        TYPES.put("Street Address", (f, c) -> picking(c.pools().streets()));
        TYPES.put("Number", (f, c) -> number(f, f.number("min", 1), f.number("max", 100), (int) f.number("decimals", 0), "", true));
        TYPES.put("Money", (f, c) -> number(f, f.number("min", 0), f.number("max", 100), 2, f.text("symbol", "$"), false));
        TYPES.put("Boolean", (f, c) -> (row, cell) -> cell.bool(row.random.nextBoolean()));
        TYPES.put("Datetime", (f, c) -> datetime(f));
        TYPES.put("Custom List", (f, c) -> picking(listValues(f)));
        TYPES.put("Regular Expression", (f, c) -> {
            String regex = f.text("value", null);
            if (regex == null) {
                throw new SchemaException("field '" + f.name() + "': a Regular Expression needs a \"value\", the expression");
            }
            try {
                return picking(c.pools().matching(regex));
            } catch (RuntimeException e) {
                throw new SchemaException("field '" + f.name() + "': cannot generate from the regular expression '"
                        + regex + "': " + e.getMessage());
            }
        });
        TYPES.put("Record Key", (f, c) -> (row, cell) -> cell.number(Long.toString(row.key)));
        TYPES.put("Version Timestamp", VersionTimestamp::column);
    }

    private FieldTypes() {
    }

    static List<String> names() {
        return new ArrayList<>(TYPES.keySet());
    }

    static Column create(FieldSpec field, Context context) {
        Factory factory = TYPES.get(field.type());
        if (factory == null) {
            throw new SchemaException("field '" + field.name() + "': unknown type '" + field.type()
                    + "'; supported: " + String.join(", ", TYPES.keySet()));
        }
        Column column = factory.create(field, context);
        int blank = field.percentBlank();
        if (blank == 0) {
            return column;
        }
        return (row, cell) -> {
            if (row.random.nextInt(100) < blank) {
                cell.blank();
            } else {
                column.fill(row, cell);
            }
        };
    }

    private static Column picking(String[] values) {
        return (row, cell) -> cell.text(row.pick(values));
    }

    /** Uniform in [min, max] with {@code decimals} fraction digits, exact: drawn as an integer count of the smallest step. */
    private static Column number(FieldSpec field, double min, double max, int decimals, String symbol, boolean json) {
        if (min > max || decimals < 0 || decimals > 9) {
            throw new SchemaException("field '" + field.name() + "': needs min <= max and 0 to 9 decimals");
        }
        long low = BigDecimal.valueOf(min).movePointRight(decimals).setScale(0, java.math.RoundingMode.CEILING).longValueExact();
        long high = BigDecimal.valueOf(max).movePointRight(decimals).setScale(0, java.math.RoundingMode.FLOOR).longValueExact();
        return (row, cell) -> {
            long units = low + row.random.nextLong(high - low + 1);
            String text = decimals == 0 ? Long.toString(units) : BigDecimal.valueOf(units, decimals).toPlainString();
            if (json) {
                cell.number(text);
            } else {
                cell.text(symbol + text);
            }
        };
    }

    private static Column datetime(FieldSpec field) {
        long min = DatetimeFormat.epochSecond(field.text("min", "01/01/2025"), field.name());
        long max = DatetimeFormat.epochSecond(field.text("max", "12/31/2025"), field.name());
        if (min > max) {
            throw new SchemaException("field '" + field.name() + "': min is after max");
        }
        DatetimeFormat format = DatetimeFormat.of(field.text("format", DatetimeFormat.DEFAULT), field.name());
        return (row, cell) -> {
            String text = format.format(min + row.random.nextLong(max - min + 1));
            if (format.isNumber()) cell.number(text); else cell.text(text);
        };
    }

    /** Mockaroo takes {@code values} as an array or, from its form, as one comma-separated string. */
    private static String[] listValues(FieldSpec field) {
        JsonNode values = field.options().get("values");
        List<String> list = new ArrayList<>();
        if (values != null && values.isArray()) {
            values.forEach(v -> list.add(v.asText()));
        } else if (values != null && values.isTextual()) {
            for (String v : values.asText().split(",")) {
                list.add(v.strip());
            }
        }
        if (list.isEmpty()) {
            throw new SchemaException("field '" + field.name() + "': a Custom List needs \"values\": [\"a\", \"b\"]");
        }
        return list.toArray(String[]::new);
    }
}
