package mq.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/PROTOCOL.md is kept true: its examples pass the real codec and checks, its tables name the real fields. */
class ProtocolPageTest {
    private static final Path PAGE = Path.of("..", "docs", "PROTOCOL.md");
    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

    private static String page() throws IOException {
        return Files.readString(PAGE);
    }

    private static List<JsonNode> examples() throws IOException {
        List<JsonNode> examples = new ArrayList<>();
        Matcher block = JSON_BLOCK.matcher(page());
        while (block.find()) {
            try (MappingIterator<JsonNode> values = Json.MAPPER.readerFor(JsonNode.class).readValues(block.group(1))) {
                examples.addAll(values.readAll());
            }
        }
        return examples;
    }

    @Test
    void everyJsonExampleIsAValidMessageOfItsKind() throws IOException {
        List<JsonNode> examples = examples();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(8);
        for (JsonNode example : examples) {
            byte[] bytes = Json.MAPPER.writeValueAsBytes(example);
            String type = example.path("type").asText("");
            switch (type) {
                case "started", "alive", "ended", "aborted" ->
                        assertThat(MessageRules.jobEvent(bytes).getClass().getSimpleName()).isEqualToIgnoringCase(type);
                case "progress", "final" -> assertThat(Json.decode(bytes, ResultMessage.class)).isNotNull();
                default -> {
                    if (example.has("chunk")) {
                        assertThat(MessageRules.partial(bytes).job()).isEqualTo("job-20261129-141503-3f9a");
                    } else {
                        assertThat(Json.decode(bytes, WorkerHeartbeat.class).worker()).isEqualTo("worker-2");
                    }
                }
            }
        }
    }

    @Test
    void theExampleJobIdsFollowTheGrammar() throws IOException {
        for (JsonNode example : examples()) {
            if (example.has("job")) {
                assertThat(JobId.isValid(example.get("job").asText())).isTrue();
            }
        }
    }

    @Test
    void theChunkHeaderTableNamesEveryHeader() throws IOException {
        String page = page();
        for (String header : List.of(ChunkHeaders.JOB, ChunkHeaders.CHUNK, ChunkHeaders.KIND, ChunkHeaders.FIRST_LINE,
                ChunkHeaders.FIRST_RECORD, ChunkHeaders.RECORDS, ChunkHeaders.CRC32C, ChunkHeaders.KEY_FIELD,
                ChunkHeaders.TIMESTAMP_FIELD, ChunkHeaders.SUM_FIELDS, ChunkHeaders.SOURCE, ChunkHeaders.PRODUCED_AT,
                ChunkHeaders.LINES, ChunkHeaders.OWNER, ChunkHeaders.PROTOCOL)) {
            assertThat(page).contains("| `" + header + "` |");
        }
        assertThat(page).doesNotContain("mq-skip-bad");
    }

    @Test
    void theCrcTestVectorOnThePageIsWhatTheCodeComputes() throws IOException {
        assertThat(page()).contains("`123456789` give `0xE3069283`");
        assertThat(ChunkMeta.crc32c("123456789".getBytes(StandardCharsets.US_ASCII))).isEqualTo(0xE3069283L);
    }

    @Test
    void theReportTableNamesExactlyTheReportsFields() throws IOException {
        String section = page().substring(page().indexOf("### The report"), page().indexOf("## Dead letters"));
        Set<String> documented = new LinkedHashSet<>();
        Matcher row = Pattern.compile("(?m)^\\| (`[a-z_]+`(?:, `[a-z_]+`)*) \\|").matcher(section);
        while (row.find()) {
            Arrays.stream(row.group(1).split(", ")).map(name -> name.replace("`", "")).forEach(documented::add);
        }
        Set<String> actual = new LinkedHashSet<>();
        for (var component : JobReport.class.getRecordComponents()) {
            actual.add(component.getName().replaceAll("([A-Z])", "_$1").toLowerCase());
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(actual);
    }

    @Test
    void theLimitsOnThePageAreTheLimitsInTheCode() throws IOException {
        String page = page();
        assertThat(page).contains("| longest number | " + String.format("%,d", Limits.MAX_NUMBER_DIGITS) + " digits");
        assertThat(page).contains("| largest exponent | ±" + String.format("%,d", Limits.MAX_EXPONENT));
        assertThat(page).contains("| deepest JSON record | " + Limits.MAX_JSON_DEPTH + " levels");
        assertThat(page).contains("| most chunks in a job | " + String.format("%,d", Limits.MAX_CHUNKS));
        assertThat(page).contains("| longest line (a number or a JSON record) | " + Limits.MAX_LINE_BYTES / (1024 * 1024) + " MiB");
        assertThat(page).contains("| decimal text in a message | " + String.format("%,d", Limits.MAX_DECIMAL_TEXT) + " characters");
        assertThat(page).contains("This page describes **version " + ProtocolVersion.CURRENT + "**");
    }
}
