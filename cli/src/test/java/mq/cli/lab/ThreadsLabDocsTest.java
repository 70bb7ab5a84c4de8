package mq.cli.lab;


import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The options table of the guide must match the command, so neither can drift from the other. */
class ThreadsLabDocsTest {

    private static final Path GUIDE = Path.of("..", "docs", "THREADS-LAB.md");
    /** A table row: | `--name VALUE` | `default` or text | meaning |. */
    private static final Pattern ROW = Pattern.compile("^\\| `(--[^ `]+)[^|]*\\| ([^|]*) \\|", Pattern.MULTILINE);

    static Map<String, String> documented = new LinkedHashMap<>();
    static CommandSpec spec = new CommandLine(new ThreadsCommand()).getCommandSpec();

    @BeforeAll
    static void readTheOptionsTable() throws IOException {
        // An escaped pipe (`long\|double`) is part of a cell, not a column break.
        Matcher row = ROW.matcher(Files.readString(GUIDE).replace("\\|", "/"));
        while (row.find()) {
            documented.put(row.group(1).replace("[no-]", ""), row.group(2).trim());
        }
    }

    @Test
    void everyDocumentedOptionExists() {
        assertThat(documented).isNotEmpty();
        assertThat(documented.keySet()).allSatisfy(name -> assertThat(spec.findOption(name)).as(name).isNotNull());
    }

    @Test
    void everyOptionIsDocumented() {
        assertThat(spec.options()).filteredOn(o -> !o.usageHelp() && !o.versionHelp())
                .allSatisfy(o -> assertThat(documented).as("documented options").containsKey(o.longestName()));
    }

    @Test
    void documentedDefaultsAreTheRealOnes() {
        documented.forEach((name, documentedDefault) -> {
            OptionSpec option = spec.findOption(name);
            if (documentedDefault.matches("`[^`]*`") && option.defaultValue() != null) {
                assertThat(documentedDefault).as(name).isEqualTo("`" + option.defaultValue() + "`");
            }
        });
    }
}
