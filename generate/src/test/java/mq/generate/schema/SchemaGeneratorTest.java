package mq.generate.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SchemaGeneratorTest {
    /** Decimals exactly as written, trailing zeros included. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    /** Every type the generator supports, with options, blanks and a nested object. */
    private static final String EVERY_TYPE = """
            {"fields": [
              {"name": "row", "type": "Row Number"},
              {"name": "id", "type": "Record Key"},
              {"name": "first_name", "type": "First Name"},
              {"name": "last_name", "type": "Last Name"},
              {"name": "full_name", "type": "Full Name"},
              {"name": "email", "type": "Email Address", "percentBlank": 20},
              {"name": "gender", "type": "Gender"},
              {"name": "ip", "type": "IP Address v4"},
              {"name": "address.country", "type": "Country"},
              {"name": "address.city", "type": "City"},
              {"name": "address.street", "type": "Street Address"},
              {"name": "amount", "type": "Number", "min": -5, "max": 5, "decimals": 2},
              {"name": "count", "type": "Number", "min": 1, "max": 3},
              {"name": "price", "type": "Money", "min": 1, "max": 2, "symbol": "€"},
              {"name": "active", "type": "Boolean"},
              {"name": "born", "type": "Datetime", "min": "01/01/1990", "max": "12/31/1999", "format": "%Y-%m-%d"},
              {"name": "plan", "type": "Custom List", "values": ["free", "pro, with a comma", "say \\"hi\\""]},
              {"name": "sku", "type": "Regular Expression", "value": "[A-Z]{3}-[0-9]{4}"},
              {"name": "updated_at", "type": "Version Timestamp", "format": "m/d/yyyy"}
            ]}
            """;

    private static Schema schema(String json) throws IOException {
        return Schema.parse(JSON.readTree(json), "test.json");
    }

    private static String generate(String schema, long count, long keys, long seed, SchemaFormat format) throws IOException {
        StringWriter out = new StringWriter();
        new SchemaGenerator(new SchemaRun(schema(schema), count, keys, seed, format)).write(out, done -> { });
        return out.toString();
    }

    @Test
    void everyTypeWritesValidValuesInJson() throws IOException {
        String text = generate(EVERY_TYPE, 2_000, 300, 7, SchemaFormat.JSONL);

        List<JsonNode> records = new ArrayList<>();
        for (String line : text.split("\n")) {
            records.add(JSON.readTree(line));
        }
        assertThat(records).hasSize(2_000);
        long blankEmails = records.stream().filter(r -> r.get("email").isNull()).count();
        assertThat(blankEmails).as("about 20%% blank").isBetween(300L, 500L);
        for (int i = 0; i < records.size(); i++) {
            JsonNode r = records.get(i);
            assertThat(r.get("row").asLong()).isEqualTo(i + 1);
            assertThat(r.get("id").isNumber()).isTrue();
            assertThat(r.get("id").asLong()).isBetween(1L, 300L);
            assertThat(r.get("first_name").asText()).isNotBlank();
            assertThat(r.get("full_name").asText()).contains(" ");
            assertThat(r.get("email").isNull() || r.get("email").asText().contains("@")).isTrue();
            assertThat(r.get("gender").asText()).isNotBlank();
            assertThat(r.get("ip").asText()).matches("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
            assertThat(r.get("address").get("country").asText()).isNotBlank();
            assertThat(r.get("address").get("city").asText()).isNotBlank();
            assertThat(r.get("address").get("street").asText()).isNotBlank();
            assertThat(r.get("amount").isNumber()).isTrue();
            assertThat(r.get("amount").decimalValue()).isBetween(new BigDecimal("-5"), new BigDecimal("5"));
            assertThat(r.get("amount").decimalValue().scale()).isEqualTo(2);
            assertThat(r.get("count").asInt()).isBetween(1, 3);
            assertThat(r.get("price").asText()).matches("€[12]\\.\\d\\d");
            assertThat(r.get("active").isBoolean()).isTrue();
            assertThat(LocalDate.parse(r.get("born").asText()).getYear()).isBetween(1990, 1999);
            assertThat(r.get("plan").asText()).isIn("free", "pro, with a comma", "say \"hi\"");
            assertThat(r.get("sku").asText()).matches("[A-Z]{3}-[0-9]{4}");
            assertThat(LocalDate.parse(r.get("updated_at").asText(), DateTimeFormatter.ofPattern("M/d/yyyy")).getYear())
                    .isEqualTo(2025);
        }
        assertThat(records.stream().map(r -> r.get("id").asLong()).distinct().count()).as("every key appears").isEqualTo(300);
    }

    @Test
    void csvHasAHeaderRowQuotesWhatNeedsQuotingAndWritesBlanksAsEmptyFields() throws IOException {
        String text = generate(EVERY_TYPE, 500, 100, 7, SchemaFormat.CSV);

        assertThat(text).startsWith("row,id,first_name,last_name,full_name,email,gender,ip,address.country,address.city,"
                + "address.street,amount,count,price,active,born,plan,sku,updated_at\n");
        CsvMapper csv = new CsvMapper();
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = csv.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows).hasSize(500);
        assertThat(rows).extracting(r -> r.get("plan")).contains("pro, with a comma", "say \"hi\"");
        assertThat(rows).extracting(r -> r.get("email")).contains("");
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(19));
        assertThat(text).contains(",\"pro, with a comma\",", ",\"say \"\"hi\"\"\",");
    }

    @ParameterizedTest
    @EnumSource(SchemaFormat.class)
    void theSameSeedWritesTheSameBytesAndAnotherSeedOthers(SchemaFormat format) throws IOException {
        String first = generate(EVERY_TYPE, 300, 50, 42, format);

        assertThat(generate(EVERY_TYPE, 300, 50, 42, format)).isEqualTo(first);
        assertThat(generate(EVERY_TYPE, 300, 50, 43, format)).isNotEqualTo(first);
    }

    @Test
    void versionTimestampsArriveOutOfOrderWithTies() throws IOException {
        String schema = """
                [{"name": "id", "type": "Record Key"},
                 {"name": "updated_at", "type": "Version Timestamp", "format": "epoch", "tieKeysPercent": 10}]
                """;
        Map<Long, List<Long>> versions = new HashMap<>();
        for (String line : generate(schema, 20_000, 2_000, 3, SchemaFormat.JSONL).split("\n")) {
            JsonNode r = JSON.readTree(line);
            versions.computeIfAbsent(r.get("id").asLong(), k -> new ArrayList<>()).add(r.get("updated_at").asLong());
        }

        long outOfOrder = versions.values().stream().filter(v -> !v.stream().sorted().toList().equals(v)).count();
        long tiedAtTheLatest = versions.values().stream().filter(v -> {
            long latest = v.stream().mapToLong(Long::longValue).max().orElseThrow();
            return v.stream().filter(t -> t == latest).count() > 1;
        }).count();
        assertThat(outOfOrder).isGreaterThan(1_000);
        assertThat(tiedAtTheLatest).as("about 10%% of the keys").isBetween(100L, 300L);
    }

    @Test
    void anUnknownTypeNamesTheFieldAndListsTheSupportedTypes() {
        assertThatThrownBy(() -> new SchemaGenerator(new SchemaRun(
                schema("[{\"name\":\"x\",\"type\":\"Bitcoin Address\"}]"), 1, 0, 1, SchemaFormat.CSV)))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("field 'x': unknown type 'Bitcoin Address'; supported: Row Number, First Name")
                .hasMessageContaining("Regular Expression");
    }

    @Test
    void aSchemaWithoutFieldsOrWithABadOptionIsAnError() {
        assertThatThrownBy(() -> schema("{\"name\":\"x\"}")).hasMessageContaining("expected a JSON array of fields");
        assertThatThrownBy(() -> new SchemaGenerator(new SchemaRun(schema(
                "[{\"name\":\"d\",\"type\":\"Datetime\",\"format\":\"%Q\"}]"), 1, 0, 1, SchemaFormat.CSV)))
                .hasMessageContaining("field 'd'").hasMessageContaining("%Q");
    }

    @Test
    void theBuiltInSchemaIsTheShippedExample() throws IOException {
        Path example = Path.of("..", "examples", "schemas", "mockaroo-people.json");

        assertThat(Schema.builtIn()).isEqualTo(Schema.read(example));
        assertThat(Schema.builtIn().fields()).hasSize(12);
        assertThat(Files.readString(example)).contains("\"Record Key\"", "\"Version Timestamp\"");
    }
}
