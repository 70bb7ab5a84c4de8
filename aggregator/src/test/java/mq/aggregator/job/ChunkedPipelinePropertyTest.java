package mq.aggregator.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import mq.aggregator.report.ReportBuilder;
import mq.aggregator.state.StateContents;
import mq.common.exact.DecimalText;
import mq.common.exact.NumberStats;
import mq.common.protocol.ChunkMeta;
import mq.common.protocol.JobEvent;
import mq.common.protocol.JobKind;
import mq.common.protocol.JobReport;
import mq.common.protocol.Json;
import mq.common.protocol.Partial;
import mq.common.protocol.RecordSpec;
import mq.common.records.RecordKey;
import mq.common.records.RecordVersion;
import mq.producer.input.ChunkDraft;
import mq.producer.input.ChunkReader;
import mq.producer.input.InputFormat;
import mq.worker.reduce.BusyWork;
import mq.worker.reduce.ChunkReducer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole reduction without a broker: cut a file into chunks as the producer does, reduce each
 * chunk as a worker does, send the partials through the JSON codec, and merge them into a
 * {@link JobState} in shuffled order with some delivered twice. Whatever the chunk size and the
 * order, the result must equal a plain sequential pass over the input.
 */
class ChunkedPipelinePropertyTest {

    private static final String JOB = "job-p";
    private static final RecordSpec SPEC = new RecordSpec("id", "updated_at", List.of("price", "qty"));
    private static final int[] CHUNK_SIZES = {1, 3, 17, 100, 499, 100_000};
    private static final Instant BASE = Instant.parse("2024-03-01T00:00:00Z");
    private static final DateTimeFormatter SPACED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    Path dir;

    private final ChunkReducer reducer = new ChunkReducer("w", BusyWork.NONE);

    /** One input record as the test generated it: what a sequential pass needs to know. */
    private record Generated(RecordKey key, Instant timestamp, BigDecimal price, BigDecimal qty, boolean bad) {
    }

    /** What a job's result must be: latest position per key, field sums, counts. */
    private record Outcome(Map<RecordKey, Long> latestPosition, Map<String, String> sums, Map<String, Long> missing,
                           long count, long bad) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 17, 2024})
    void jsonLinesGiveTheSequentialResultForEveryChunkSizeAndDeliveryOrder(long seed) throws IOException {
        // Given a JSON Lines file with ties, equal instants written differently, blank lines and bad records
        Random random = new Random(seed);
        List<Generated> generated = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1_500; i++) {
            if (random.nextInt(15) == 0) {
                text.append(random.nextBoolean() ? "\n" : "  \r\n");
            }
            Generated record = generate(random);
            generated.add(record);
            text.append(jsonLine(record, random)).append(random.nextInt(10) == 0 ? "\r\n" : "\n");
        }
        Path input = Files.writeString(dir.resolve("data.jsonl"), text, StandardCharsets.UTF_8);
        Outcome expected = sequential(generated);

        // When it is reduced with every chunk size, shuffled and partly redelivered
        // Then every variant gives the same latest versions and sums as the sequential pass
        assertEveryVariantGives(expected, input, InputFormat.JSON_LINES, random);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 6, 77})
    void jsonArraysGiveTheSequentialResultForEveryChunkSizeAndDeliveryOrder(long seed) throws IOException {
        // Given the same kind of records as a pretty-printed JSON array
        Random random = new Random(seed);
        List<Generated> generated = new ArrayList<>();
        StringBuilder text = new StringBuilder("[\n");
        for (int i = 0; i < 1_000; i++) {
            Generated record = generate(random);
            generated.add(record);
            text.append(i == 0 ? "  " : ",\n  ").append(jsonLine(record, random));
        }
        text.append("\n]\n");
        Path input = Files.writeString(dir.resolve("data.json"), text, StandardCharsets.UTF_8);

        assertEveryVariantGives(sequential(generated), input, InputFormat.JSON_ARRAY, random);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void numbersGiveTheExactSequentialStatisticsForEveryChunkSizeAndDeliveryOrder(long seed) throws IOException {
        // Given numbers near the long limits, decimals, scientific notation, 19+ digit integers and blank lines
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal min = null;
        BigDecimal max = null;
        for (int i = 0; i < 3_000; i++) {
            if (random.nextInt(20) == 0) {
                text.append("\n");
            }
            String number = switch (random.nextInt(6)) {
                case 0 -> Long.toString(Long.MAX_VALUE - random.nextInt(100));
                case 1 -> Long.toString(Long.MIN_VALUE + random.nextInt(100));
                case 2 -> Long.toString(random.nextInt());
                case 3 -> BigDecimal.valueOf(random.nextLong(), 1 + random.nextInt(6)).toPlainString();
                case 4 -> random.nextInt(1000) + "e" + random.nextInt(5);
                default -> "+" + BigDecimal.valueOf(random.nextLong()).multiply(BigDecimal.valueOf(1_000_000)).abs();
            };
            BigDecimal value = new BigDecimal(number);
            sum = sum.add(value);
            min = min == null || value.compareTo(min) < 0 ? value : min;
            max = max == null || value.compareTo(max) > 0 ? value : max;
            text.append(number).append("\n");
        }
        Path input = Files.writeString(dir.resolve("numbers.txt"), text, StandardCharsets.UTF_8);
        NumberStats expected = new NumberStats(3_000, sum, min, max).canonical();

        for (int rows : CHUNK_SIZES) {
            // When
            JobState state = deliver(reduceFile(input, InputFormat.NUMBERS, rows), random);

            // Then
            assertThat(state.isComplete()).as("%d rows per chunk", rows).isTrue();
            assertThat(state.numbers().canonical()).as("%d rows per chunk", rows).isEqualTo(expected);
            assertThat(ReportBuilder.build(state, 10_000).verified()).isTrue();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {21, 22, 23, 24})
    void csvGivesTheSequentialResultForEveryChunkSizeAndDeliveryOrder(long seed) throws IOException {
        // Given a CSV file as Mockaroo writes it, and worse: quoted fields with delimiters, doubled quotes and
        // line breaks, blanks, both line ends, blank lines, a byte order mark, bad records, and a custom timestamp format
        Random random = new Random(seed);
        boolean numericKeys = seed % 2 == 0;
        RecordSpec spec = SPEC.withKeyType(numericKeys ? RecordSpec.KeyType.NUMBER : RecordSpec.KeyType.AUTO)
                .withTimestampFormat("M/d/yyyy H:mm:ss", "Europe/Berlin")
                .withCsvDelimiter(seed == 23 ? ';' : ',');
        char d = spec.csvDelimiter();
        List<Generated> generated = new ArrayList<>();
        Map<Long, String> notes = new HashMap<>();
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "\uFEFF" : "");
        text.append("id").append(d).append("updated_at").append(d).append("price").append(d).append("\"qty\"").append(d).append("note\n");
        for (int i = 0; i < 1_200; i++) {
            if (random.nextInt(15) == 0) {
                text.append(random.nextBoolean() ? "\n" : "  \r\n");
            }
            Generated record = generate(random);
            // the format has whole seconds: the half-second versions become ties with their neighbours
            record = new Generated(record.key(), record.timestamp().truncatedTo(java.time.temporal.ChronoUnit.SECONDS),
                    record.price(), record.qty(), record.bad());
            if (numericKeys && !record.key().isNumber()) {
                record = new Generated(RecordKey.ofNumber(BigDecimal.valueOf(random.nextInt(60))), record.timestamp(),
                        record.price(), record.qty(), record.bad());
            } else if (!numericKeys && record.key().isNumber()) {
                record = new Generated(RecordKey.ofText(record.key().number().toPlainString()), record.timestamp(),
                        record.price(), record.qty(), record.bad()); // CSV keys are text: "7" and "7.0" differ
            }
            generated.add(record);
            String note = note(random, d);
            notes.put((long) i, note);
            text.append(csvRecord(record, note, d, random)).append(random.nextInt(3) == 0 ? "\r\n" : "\n");
        }
        Path input = Files.writeString(dir.resolve("MOCK_DATA.csv"), text, StandardCharsets.UTF_8);

        // When it is reduced with every chunk size, shuffled and partly redelivered
        // Then every variant gives the sequential result, and each latest record holds its fields as written
        assertEveryVariantGives(sequential(generated), input, InputFormat.CSV, spec, random);
        Reduced reduced = reduceFile(input, InputFormat.CSV, 7, spec);
        for (RecordVersion version : StateContents.sorted(deliver(reduced, random).latest())) {
            var json = Json.RECORDS.readTree(version.json());
            assertThat(json.get("note").isNull() ? "" : json.get("note").textValue()).isEqualTo(notes.get(version.position()));
            assertThat(json.get("id").isTextual()).isTrue();
        }
    }

    /** Text that needs quoting: delimiters, quotes, line breaks (both kinds), Unicode; sometimes blank. */
    private static String note(Random random, char delimiter) {
        return switch (random.nextInt(6)) {
            case 0 -> "";
            case 1 -> "plain";
            case 2 -> "a" + delimiter + " b";
            case 3 -> "say \"hi\"" + delimiter + " Zoë";
            case 4 -> "two\nlines";
            default -> "crlf\r\ninside, \"\"";
        };
    }

    private static String csvRecord(Generated record, String note, char d, Random random) {
        String key = record.key().isNumber()
                ? switch (random.nextInt(3)) {
                    case 0 -> record.key().number().toPlainString();
                    case 1 -> record.key().number().setScale(1).toPlainString();
                    default -> "\"" + record.key().number().toPlainString() + "\"";
                }
                : random.nextBoolean() ? record.key().text() : "\"" + record.key().text() + "\"";
        String quotedNote = note.isEmpty() ? (random.nextBoolean() ? "" : "\"\"")
                : note.equals("plain") ? note : "\"" + note.replace("\"", "\"\"") + "\"";
        if (record.bad()) {
            return random.nextBoolean()
                    ? key + d + d + "1" + d + d + quotedNote                 // a blank timestamp
                    : key + d + berlin(record.timestamp(), random) + d + "1"; // fields missing
        }
        return key + d + berlin(record.timestamp(), random)
                + d + (record.price() == null ? "" : record.price().toPlainString())
                + d + (record.qty() == null ? "" : "\"" + record.qty() + "\"")
                + d + quotedNote;
    }

    /** The instant as Berlin wall-clock time in M/d/yyyy H:mm:ss, months and hours sometimes zero-padded. */
    private static String berlin(Instant instant, Random random) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, java.time.ZoneId.of("Europe/Berlin"));
        return (random.nextBoolean() ? "" : local.getMonthValue() < 10 ? "0" : "") + local.getMonthValue() + "/" + local.getDayOfMonth()
                + "/" + local.getYear() + " " + (random.nextBoolean() ? "" : local.getHour() < 10 ? "0" : "") + local.getHour()
                + String.format(":%02d:%02d", local.getMinute(), local.getSecond());
    }

    private void assertEveryVariantGives(Outcome expected, Path input, InputFormat format, Random random) throws IOException {
        assertEveryVariantGives(expected, input, format, SPEC, random);
    }

    private void assertEveryVariantGives(Outcome expected, Path input, InputFormat format, RecordSpec spec, Random random)
            throws IOException {
        Map<RecordKey, String> firstVariantJson = null;
        for (int rows : CHUNK_SIZES) {
            Reduced reduced = reduceFile(input, format, rows, spec);
            for (int delivery = 0; delivery < 3; delivery++) {
                JobState state = deliver(reduced, random);
                String variant = rows + " rows per chunk, delivery " + delivery;

                assertThat(state.failure()).as(variant).isNull();
                assertThat(state.isComplete()).as(variant).isTrue();
                assertThat(outcome(state)).as(variant).isEqualTo(expected);
                Map<RecordKey, String> json = new TreeMap<>();
                state.latest().forEach(v -> json.put(v.key(), v.json()));
                if (firstVariantJson == null) {
                    firstVariantJson = json;
                } else {
                    assertThat(json).as(variant).isEqualTo(firstVariantJson);
                }
                assertThat(ReportBuilder.build(state, 10_000).verified()).as(variant).isTrue();
            }
        }
    }

    private static Generated generate(Random random) {
        RecordKey key = switch (random.nextInt(3)) {
            case 0 -> RecordKey.ofNumber(BigDecimal.valueOf(random.nextInt(60)));
            case 1 -> RecordKey.ofText(Integer.toString(random.nextInt(60))); // "7" is not 7
            default -> RecordKey.ofText("k-" + random.nextInt(60));
        };
        // 40 distinct instants for ~1000 records: many versions of a key tie
        Instant timestamp = BASE.plusSeconds(random.nextInt(20)).plusMillis(random.nextBoolean() ? 0 : 500);
        BigDecimal price = random.nextInt(5) == 0 ? null : BigDecimal.valueOf(random.nextInt(100_000), 2);
        BigDecimal qty = random.nextInt(5) == 0 ? null : BigDecimal.valueOf(Long.MAX_VALUE - random.nextInt(1_000));
        return new Generated(key, timestamp, price, qty, random.nextInt(40) == 0);
    }

    /** The record as JSON on one line, with the key and timestamp written in one of their equivalent forms. */
    private static String jsonLine(Generated record, Random random) {
        String key = record.key().isNumber()
                ? switch (random.nextInt(3)) {
                    case 0 -> record.key().number().toPlainString();
                    case 1 -> record.key().number().setScale(1).toPlainString();
                    default -> record.key().number().toPlainString() + "e0";
                }
                : "\"" + record.key().text() + "\"";
        if (record.bad()) {
            return "{\"id\":" + key + ",\"price\":1}"; // no timestamp: a bad line
        }
        StringBuilder json = new StringBuilder("{\"id\":").append(key).append(",\"updated_at\":").append(timestamp(record.timestamp(), random));
        if (record.price() != null) {
            json.append(random.nextBoolean() ? ",\"price\":" + record.price().toPlainString() : ",\"price\":\"" + record.price().toPlainString() + "\"");
        } else if (random.nextBoolean()) {
            json.append(",\"price\":null");
        }
        if (record.qty() != null) {
            json.append(",\"qty\":").append(record.qty());
        }
        return json.append(",\"note\":\"é \\\"quoted\\\"\"}").toString();
    }

    private static String timestamp(Instant instant, Random random) {
        boolean whole = instant.getNano() == 0;
        return switch (random.nextInt(whole ? 6 : 3)) {
            case 0 -> "\"" + instant + "\"";
            case 1 -> "\"" + instant.atOffset(ZoneOffset.ofHours(2)) + "\"";
            case 2 -> Long.toString(instant.toEpochMilli());
            case 3 -> "\"" + LocalDateTime.ofInstant(instant, ZoneOffset.UTC).format(SPACED) + "\"";
            case 4 -> Long.toString(instant.getEpochSecond());
            default -> "\"" + instant.toEpochMilli() + "\"";
        };
    }

    /** Last writer wins, walking the file once; a later record with an equal timestamp replaces the earlier. */
    private static Outcome sequential(List<Generated> records) {
        Map<RecordKey, Generated> latest = new HashMap<>();
        Map<RecordKey, Long> position = new HashMap<>();
        long bad = 0;
        for (int i = 0; i < records.size(); i++) {
            Generated record = records.get(i);
            if (record.bad()) {
                bad++;
                continue;
            }
            Generated current = latest.get(record.key());
            if (current == null || !record.timestamp().isBefore(current.timestamp())) {
                latest.put(record.key(), record);
                position.put(record.key(), (long) i);
            }
        }
        BigDecimal price = BigDecimal.ZERO;
        BigDecimal qty = BigDecimal.ZERO;
        long priceMissing = 0;
        long qtyMissing = 0;
        for (Generated record : latest.values()) {
            if (record.price() == null) priceMissing++; else price = price.add(record.price());
            if (record.qty() == null) qtyMissing++; else qty = qty.add(record.qty());
        }
        return new Outcome(position, Map.of("price", DecimalText.format(price), "qty", DecimalText.format(qty)),
                Map.of("price", priceMissing, "qty", qtyMissing), records.size() - bad, bad);
    }

    private static Outcome outcome(JobState state) {
        Map<RecordKey, Long> position = new HashMap<>();
        for (RecordVersion version : StateContents.sorted(state.latest())) {
            position.put(version.key(), version.position());
        }
        JobReport report = ReportBuilder.build(state, 10_000);
        Map<String, String> sums = new HashMap<>();
        report.sums().forEach((field, sum) -> sums.put(field, DecimalText.format(sum)));
        return new Outcome(position, sums, report.sumMissing(), report.count(), state.badCount());
    }

    /** The partials of every chunk, as they arrive from the wire, and the producer's totals. */
    private record Reduced(List<Partial> partials, JobKind kind, RecordSpec spec, int chunks, long records, long checksum) {
    }

    private Reduced reduceFile(Path input, InputFormat format, int rows) throws IOException {
        return reduceFile(input, format, rows, SPEC);
    }

    private Reduced reduceFile(Path input, InputFormat format, int rows, RecordSpec spec) throws IOException {
        List<Partial> partials = new ArrayList<>();
        long records = 0;
        long checksum = 0;
        try (ChunkReader reader = ChunkReader.open(input, format, rows, spec.csvDelimiter())) {
            ChunkDraft draft;
            while ((draft = reader.next()) != null) {
                CRC32C crc = new CRC32C();
                crc.update(draft.body());
                ChunkMeta meta = new ChunkMeta(JOB, draft.index(), format.kind(), input.getFileName().toString(),
                        draft.firstLine(), draft.firstRecord(), draft.records(), crc.getValue(), 0,
                        format.kind() == JobKind.RECORDS ? spec : null, draft.lines(), draft.csvColumns(), null);
                Partial partial = reducer.reduce(meta.toHeaders(), draft.body(), 0);
                partials.add(Json.decode(Json.encode(partial), Partial.class));
                records += draft.records();
                checksum += crc.getValue();
            }
        }
        return new Reduced(partials, format.kind(), spec, partials.size(), records, checksum);
    }

    /** Delivers the partials shuffled, about a fifth of them twice, with the job events at random moments. */
    private static JobState deliver(Reduced reduced, Random random) {
        List<Partial> deliveries = new ArrayList<>(reduced.partials());
        for (Partial partial : reduced.partials()) {
            if (random.nextInt(5) == 0) {
                deliveries.add(partial);
            }
        }
        Collections.shuffle(deliveries, random);
        int startedAt = random.nextInt(deliveries.size() + 1);
        int endedAt = random.nextInt(deliveries.size() + 1);
        JobState state = new JobState(JOB, 0);
        for (int i = 0; i <= deliveries.size(); i++) {
            if (i == startedAt) {
                state.started(new JobEvent.Started(JOB, reduced.kind(), "input", "auto",
                        reduced.kind() == JobKind.RECORDS ? reduced.spec() : null, true, null, 0));
            }
            if (i == endedAt) {
                state.ended(new JobEvent.Ended(JOB, reduced.chunks(), reduced.records(), 0, 0, reduced.checksum(), 0, 0));
            }
            if (i < deliveries.size()) {
                state.merge(deliveries.get(i), i);
            }
        }
        assertThat(state.duplicatesIgnored()).isEqualTo(deliveries.size() - reduced.partials().size());
        return state;
    }
}
