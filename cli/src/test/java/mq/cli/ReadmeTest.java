package mq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mq.common.protocol.JobReport;
import mq.common.protocol.Json;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The README's commands, example and tables are checked against the code, so they cannot drift. */
class ReadmeTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"));
    }

    private static List<String> codeBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = Pattern.compile("```[a-z]*\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1).strip());
        }
        return blocks;
    }

    @Test
    void theFirstTwoCommandsRunTheDemoAndTheTests() throws IOException {
        List<String> blocks = codeBlocks(readme());
        assertThat(blocks.get(0)).isEqualTo("./mq demo");
        assertThat(blocks.get(1)).isEqualTo("mvn verify");
    }

    @Test
    void ciRunsTheReadmesTestCommand() throws IOException {
        String ci = Files.readString(ROOT.resolve(".ci/run"));
        assertThat(ci.lines().map(String::strip)).contains("mvn -B verify");
    }

    @Test
    void theExampleReportIsWhatTheAggregatorWrites() throws IOException {
        String example = codeBlocks(readme()).stream().filter(b -> b.startsWith("{") && b.contains("\"verification\""))
                .findFirst().orElseThrow();
        JobReport report = Json.MAPPER.readValue(example, JobReport.class);
        JsonNode written = Json.MAPPER.valueToTree(report);
        assertThat(fieldNames(written)).isEqualTo(fieldNames(Json.MAPPER.readTree(example)));
        assertThat(report.verified()).isTrue();
        assertThat(report.verification().checksum()).isEqualTo(report.verification().expectedChecksum());
    }

    @Test
    void everyEnvironmentVariableInTheReadmeIsReadByACommand() throws IOException {
        Set<String> documented = new HashSet<>();
        Matcher m = Pattern.compile("`(MQ_[A-Z_]+)`").matcher(readme());
        while (m.find()) {
            documented.add(m.group(1));
        }
        Set<String> read = new HashSet<>();
        collectEnvironmentNames(Main.commandLine(), read);
        assertThat(documented).isNotEmpty();
        assertThat(read).containsAll(documented);
    }

    /** Reads the annotations themselves: picocli's model holds default values with variables already resolved. */
    private static void collectEnvironmentNames(CommandLine command, Set<String> names) {
        List<Object> owners = new ArrayList<>();
        addWithMixins(command.getCommandSpec(), owners);
        for (Object owner : owners) {
            for (Field field : owner.getClass().getDeclaredFields()) {
                CommandLine.Option option = field.getAnnotation(CommandLine.Option.class);
                if (option != null) {
                    Matcher m = Pattern.compile("\\$\\{env:(MQ_[A-Z_]+)").matcher(option.defaultValue());
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                }
            }
        }
        command.getSubcommands().values().forEach(sub -> collectEnvironmentNames(sub, names));
    }

    /** A mixin can hold mixins of its own (JobOptions holds RecordOptions). */
    private static void addWithMixins(CommandLine.Model.CommandSpec spec, List<Object> owners) {
        owners.add(spec.userObject());
        spec.mixins().values().forEach(mixin -> addWithMixins(mixin, owners));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        collect("", node, names);
        return names;
    }

    private static void collect(String prefix, JsonNode node, Set<String> names) {
        if (!node.isObject()) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!prefix.endsWith("per_worker.")) {
                names.add(prefix + name);
            }
            collect(prefix + name + ".", node.get(name), names);
        }
    }
}
