package mq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/ARCHITECTURE.md draws the module graph exactly as the poms declare it. */
class ModuleGraphTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
    private static final Pattern OWN_ARTIFACT = Pattern.compile("<groupId>mq</groupId>\\s*<artifactId>mq-([^<]+)</artifactId>");
    private static final Pattern EDGE = Pattern.compile("^(\\S+)\\s+->\\s+(.+)$", Pattern.MULTILINE);

    @Test
    void theArchitecturePageShowsThePomsModuleGraph() throws IOException {
        assertThat(documentedGraph()).isEqualTo(pomGraph());
    }

    /** Each module's non-test dependencies on modules of this project, from its pom. */
    private static Map<String, Set<String>> pomGraph() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        Matcher modules = MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (modules.find()) {
            String module = modules.group(1);
            Set<String> dependencies = new TreeSet<>();
            Matcher dependency = DEPENDENCY.matcher(Files.readString(ROOT.resolve(module).resolve("pom.xml")));
            while (dependency.find()) {
                Matcher own = OWN_ARTIFACT.matcher(dependency.group(1));
                if (own.find() && !dependency.group(1).contains("<scope>test</scope>")) {
                    dependencies.add(own.group(1));
                }
            }
            graph.put(module, dependencies);
        }
        return graph;
    }

    /** The {@code module -> a, b} lines of the code block under "## Modules". */
    private static Map<String, Set<String>> documentedGraph() throws IOException {
        String page = Files.readString(ROOT.resolve("docs").resolve("ARCHITECTURE.md"));
        String section = page.substring(page.indexOf("## Modules"));
        String block = section.substring(section.indexOf("```\n") + 4, section.indexOf("\n```", section.indexOf("```\n") + 4));
        Map<String, Set<String>> graph = new TreeMap<>();
        Matcher edge = EDGE.matcher(block);
        while (edge.find()) {
            Set<String> dependencies = new TreeSet<>();
            if (!edge.group(2).equals("(none)")) {
                Arrays.stream(edge.group(2).split(",")).map(String::strip).forEach(dependencies::add);
            }
            graph.put(edge.group(1), dependencies);
        }
        return graph;
    }
}
