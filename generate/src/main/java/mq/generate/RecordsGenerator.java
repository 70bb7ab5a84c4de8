package mq.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Writes mock customer records, several versions per id, the way a Mockaroo export looks, streaming:
 * memory does not grow with the count.
 *
 * <p>Ids run over {@code 1..keys} and every id gets at least one record. The first version of an id
 * arrives at a random point of the file and later records repeat an already seen id, so early ids
 * tend to collect more versions (a long tail of hot keys). {@code updated_at} is random within
 * {@link #WINDOW_START}'s year, so versions of an id arrive out of time order.
 *
 * <p>Ties: about 2% of the ids are "tie ids". About half the versions of a tie id carry the same
 * instant, which is also that id's latest one (about 1% of all records), so a reducer to the latest
 * version must break the tie.
 * With mixed timestamps the tied versions may spell that instant in different formats.
 */
public final class RecordsGenerator {

    /** Timestamps fall in {@code [WINDOW_START, WINDOW_END)}. */
    public static final Instant WINDOW_START = Instant.parse("2025-01-01T00:00:00Z");
    public static final Instant WINDOW_END = Instant.parse("2026-01-01T00:00:00Z");

    /** One id in this many is a tie id. */
    static final int TIE_ID_ONE_IN = 50;

    private static final long WINDOW_SECONDS = WINDOW_END.getEpochSecond() - WINDOW_START.getEpochSecond();
    /** The latest instant of a tie id falls in the window's last 30 days. */
    private static final long TIE_SPAN_SECONDS = 30L * 24 * 3600;
    private static final DateTimeFormatter SPACE_SEPARATED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final List<ZoneOffset> OFFSETS = List.of(
            ZoneOffset.ofHours(2), ZoneOffset.ofHours(-5), ZoneOffset.ofHoursMinutes(5, 30),
            ZoneOffset.ofHours(9), ZoneOffset.ofHours(-3), ZoneOffset.ofHours(1));

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final RecordsSpec spec;
    private final SplittableRandom random;
    private final KeySequence ids;

    private RecordsGenerator(RecordsSpec spec) {
        this.spec = spec;
        this.random = new SplittableRandom(spec.seed());
        this.ids = new KeySequence(spec.keys(), random);
    }

    public static GeneratedFile write(Path out, RecordsSpec spec) throws IOException {
        return write(out, spec, done -> { });
    }

    /** Writes {@code out} (creating its parent directories) and reports the records written so far to {@code progress}. */
    public static GeneratedFile write(Path out, RecordsSpec spec, LongConsumer progress) throws IOException {
        long start = System.nanoTime();
        NumbersGenerator.createParentDirectories(out);
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            write(writer, spec, progress);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new GeneratedFile(out, spec.count(), spec.keys(), null, Files.size(out), elapsed);
    }

    /** Writes the records to {@code writer} (flushed, not closed). */
    public static void write(Writer writer, RecordsSpec spec, LongConsumer progress) throws IOException {
        RecordsGenerator records = new RecordsGenerator(spec);
        try (JsonGenerator json = JSON.createGenerator(writer)) {
            boolean array = spec.format() == RecordFormat.JSON;
            json.setPrettyPrinter(array ? new OneObjectPerLine() : new MinimalPrettyPrinter(""));
            if (array) {
                json.writeStartArray();
            }
            for (long i = 1; i <= spec.count(); i++) {
                records.writeRecord(json, spec.count() - i + 1);
                if (!array) {
                    json.writeRaw('\n');
                }
                if (i % NumbersGenerator.PROGRESS_EVERY == 0) {
                    progress.accept(i);
                }
            }
            if (array) {
                json.writeEndArray();
                json.writeRaw('\n');
            }
        }
        progress.accept(spec.count());
    }

    private void writeRecord(JsonGenerator json, long remaining) throws IOException {
        int id = (int) ids.next(random, remaining); // ids <= keys <= Integer.MAX_VALUE
        int first = random.nextInt(MockNames.FIRST_NAMES.size());
        int last = random.nextInt(MockNames.LAST_NAMES.size());

        json.writeStartObject();
        json.writeNumberField("id", id);
        json.writeStringField("first_name", MockNames.FIRST_NAMES.get(first));
        json.writeStringField("last_name", MockNames.LAST_NAMES.get(last));
        writeNullableString(json, "email", 3, MockNames.FIRST_HANDLES.get(first) + "." + MockNames.LAST_HANDLES.get(last)
                + random.nextInt(100) + "@" + pick(MockNames.EMAIL_DOMAINS));
        writeNullableString(json, "gender", 5, pick(MockNames.GENDERS));
        writeNullableString(json, "ip_address", 5, (1 + random.nextInt(254)) + "." + random.nextInt(256) + "."
                + random.nextInt(256) + "." + (1 + random.nextInt(254)));
        writeNullableString(json, "country", 2, pick(MockNames.COUNTRIES));
        json.writeFieldName("amount");
        json.writeNumber(BigDecimal.valueOf(random.nextLong(1, 1_000_000), 2));
        json.writeNumberField("quantity", 1 + random.nextInt(100));
        json.writeBooleanField("active", random.nextInt(4) != 0);
        writeAddress(json);
        writeUpdatedAt(json, id);
        json.writeEndObject();
    }

    private void writeNullableString(JsonGenerator json, String field, int nullPercent, String value)
            throws IOException {
        if (random.nextInt(100) < nullPercent) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, value);
        }
    }

    private void writeAddress(JsonGenerator json) throws IOException {
        String street = (1 + random.nextInt(9999)) + " " + pick(MockNames.STREETS) + " " + pick(MockNames.STREET_SUFFIXES);
        String city = pick(MockNames.CITIES);
        String zip = String.format(Locale.ROOT, "%05d", random.nextInt(100_000));
        boolean zipMissing = random.nextInt(100) < 5;
        if (random.nextInt(100) < 2) {
            json.writeNullField("address");
            return;
        }
        json.writeObjectFieldStart("address");
        json.writeStringField("street", street);
        json.writeStringField("city", city);
        if (zipMissing) {
            json.writeNullField("zip");
        } else {
            json.writeStringField("zip", zip);
        }
        json.writeEndObject();
    }

    private void writeUpdatedAt(JsonGenerator json, int id) throws IOException {
        long idHash = mix(spec.seed() ^ mix(id));
        boolean tieId = Long.remainderUnsigned(idHash, TIE_ID_ONE_IN) == 0;
        long latestOfTieId = WINDOW_SECONDS - 1 - Long.remainderUnsigned(mix(idHash), TIE_SPAN_SECONDS);
        boolean tied = random.nextBoolean();
        long second = random.nextLong(WINDOW_SECONDS);
        if (tieId) {
            second = tied ? latestOfTieId : second % latestOfTieId;
        }
        Instant at = WINDOW_START.plusSeconds(second);

        json.writeFieldName("updated_at");
        int style = spec.mixedTimestamps() ? random.nextInt(10) : 0;
        if (style < 4) {
            json.writeString(DateTimeFormatter.ISO_INSTANT.format(at));
        } else if (style < 6) {
            json.writeString(OffsetDateTime.ofInstant(at, pick(OFFSETS)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        } else if (style < 8) {
            json.writeString(SPACE_SEPARATED.format(at));
        } else {
            json.writeNumber(at.toEpochMilli());
        }
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** SplitMix64's finalizer: a well-spread hash of a long. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** {@code [} and a newline, then one object per line separated by {@code ,}, then {@code ]} on its own line. */
    private static final class OneObjectPerLine extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void beforeArrayValues(JsonGenerator g) throws IOException {
            g.writeRaw('\n');
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(",\n");
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            g.writeRaw(nrOfValues > 0 ? "\n]" : "]");
        }
    }
}
