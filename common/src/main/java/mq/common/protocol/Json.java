package mq.common.protocol;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import mq.common.exact.DecimalText;
import mq.common.exact.NumberStats;
import mq.common.records.RecordKey;
import mq.common.records.RecordVersion;

/**
 * The one JSON codec of the protocol and the reports.
 *
 * <p>Decimals travel as canonical strings (exact in any language, unlike JSON numbers read as
 * doubles), instants as ISO-8601 strings, field names in snake_case.
 */
public final class Json {
    /** For protocol messages and reports. */
    public static final ObjectMapper MAPPER = protocolMapper();

    /** For input records: keeps every decimal exactly as written, including trailing zeros. */
    public static final ObjectMapper RECORDS = JsonMapper.builder(new JsonFactoryBuilder()
                    .streamReadConstraints(recordConstraints(Limits.DEFAULTS))
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private Json() {
    }

    /** Applies the process's limits to both mappers (and every reader made from them: they share the factory). */
    static void useLimits(Limits limits) {
        RECORDS.getFactory().setStreamReadConstraints(recordConstraints(limits));
        MAPPER.getFactory().setStreamReadConstraints(messageConstraints(limits));
    }

    private static StreamReadConstraints recordConstraints(Limits limits) {
        return StreamReadConstraints.builder()
                .maxNumberLength(limits.maxNumberDigits())
                .maxNestingDepth(limits.maxJsonDepth())
                .build();
    }

    /** A message nests a record's JSON a few levels deeper, and holds decimal texts of merged numbers. */
    private static StreamReadConstraints messageConstraints(Limits limits) {
        return StreamReadConstraints.builder()
                .maxNumberLength(limits.maxDecimalText())
                .maxNestingDepth(limits.maxJsonDepth() + 8)
                .build();
    }

    private static ObjectMapper protocolMapper() {
        SimpleModule module = new SimpleModule("mq-protocol");
        module.addSerializer(BigDecimal.class, new JsonSerializer<>() {
            @Override
            public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(DecimalText.format(value));
            }
        });
        module.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toString());
            }
        });
        module.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return Instant.parse(p.getValueAsString());
            }
        });
        module.addSerializer(RecordKey.class, new JsonSerializer<>() {
            @Override
            public void serialize(RecordKey key, JsonGenerator gen, SerializerProvider provider) throws IOException {
                if (key.isNumber()) {
                    gen.writeNumber(key.number().toPlainString());
                } else {
                    gen.writeString(key.text());
                }
            }
        });
        module.addDeserializer(RecordKey.class, new JsonDeserializer<>() {
            @Override
            public RecordKey deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return p.currentToken() == JsonToken.VALUE_STRING
                        ? RecordKey.ofText(p.getText())
                        : RecordKey.ofNumber(p.getDecimalValue());
            }
        });
        return JsonMapper.builder(new JsonFactoryBuilder()
                        .streamReadConstraints(messageConstraints(Limits.DEFAULTS))
                        .build())
                .addModule(module)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .serializationInclusion(JsonInclude.Include.NON_NULL)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    /**
     * Encodes and decodes one message of every type, on a background thread so that a role joins
     * its group meanwhile. Jackson builds its (de)serialisers on first use, which in a cold JVM
     * takes hundreds of milliseconds: roles call this before they join their group, so that the
     * first chunks of a measured job do not pay for it.
     */
    public static void warmUpInBackground() {
        Thread thread = new Thread(Json::warmUpNow, "json-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void warmUpNow() {
        List<Object> samples = List.of(
                new Partial("warm-up", 0, "w", JobKind.NUMBERS, 1, 1, 1, 1, 1, 1, 1,
                        new NumberStats(1, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE),
                        null, 0, List.of(), null),
                new Partial("warm-up", 1, "w", JobKind.RECORDS, 1, 1, 1, 1, 1, 1, 1, null,
                        List.of(new RecordVersion(RecordKey.ofNumber(BigDecimal.ONE),
                                Instant.EPOCH, 0, 1, Map.of("a", BigDecimal.ONE), "{}")),
                        1, List.of(new BadLine(1, "x", "y")), null),
                new JobEvent.Started("warm-up", JobKind.RECORDS, "f", "json", RecordSpec.DEFAULT, false, null, 1),
                new JobEvent.Ended("warm-up", 1, 1, 0, 1, 1, 1, 1),
                new JobEvent.Aborted("warm-up", "r", List.of(), 1),
                new ResultMessage.Progress("warm-up", 1, 1, 1, 1),
                new WorkerHeartbeat("w", "g", "consumer", 1, 1, 1, 1));
        for (Object sample : samples) {
            Class<?> type = sample instanceof JobEvent ? JobEvent.class
                    : sample instanceof ResultMessage ? ResultMessage.class : sample.getClass();
            decode(encode(sample), type);
        }
    }

    public static byte[] encode(Object message) {
        try {
            return MAPPER.writeValueAsBytes(message);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes one message; throws {@link MalformedMessageException} (never a parser's own exception) when it cannot. */
    public static <T> T decode(byte[] bytes, Class<T> type) {
        if (bytes == null) {
            throw new MalformedMessageException("cannot decode " + type.getSimpleName() + ": the message has no value");
        }
        try {
            return MAPPER.readValue(bytes, type);
        } catch (IOException | RuntimeException e) {
            throw new MalformedMessageException("cannot decode " + type.getSimpleName() + ": "
                    + Terminal.escape(firstLine(e.getMessage())), e);
        }
    }

    /** Jackson appends the source and a location on further lines; the first line says what is wrong. */
    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
