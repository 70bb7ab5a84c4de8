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
    private static final Pattern SELF = Pattern.compile("<artifactId>mq-([^<]+)</artifactId>");
    private static final Pattern EDGE = Pattern.compile("^(\\S+)\\s+->\\s+(.+)$", Pattern.MULTILINE);

    @Test
    void theArchitecturePageShowsThePomsModuleGraph() throws IOException {
        assertThat(documentedGraph()).isEqualTo(pomGraph());
    }

    /**
     * Each module's non-test dependencies on modules of this project, from its pom, both named by their
     * folder under the root ({@code labs/kernels}). An aggregator pom ({@code labs}) is no node of its own:
     * its modules are, however deep.
     */
    private static Map<String, Set<String>> pomGraph() throws IOException {
        Map<String, String> poms = new TreeMap<>();
        collectModules(ROOT, poms);
        Map<String, String> folderOfArtifact = new TreeMap<>();
        poms.forEach((folder, pom) -> folderOfArtifact.put(ownArtifact(pom, folder), folder));
        Map<String, Set<String>> graph = new TreeMap<>();
        poms.forEach((folder, pom) -> {
            Set<String> dependencies = new TreeSet<>();
            Matcher dependency = DEPENDENCY.matcher(pom);
            while (dependency.find()) {
                Matcher own = OWN_ARTIFACT.matcher(dependency.group(1));
                if (own.find() && !dependency.group(1).contains("<scope>test</scope>")) {
                    assertThat(folderOfArtifact).as("a module of this project named mq-" + own.group(1))
                            .containsKey(own.group(1));
                    dependencies.add(folderOfArtifact.get(own.group(1)));
                }
            }
            graph.put(folder, dependencies);
        });
        return graph;
    }

    /** Folder (relative to the root, with '/') to pom text of every module under {@code dir}'s pom that builds a jar. */
    private static void collectModules(Path dir, Map<String, String> poms) throws IOException {
        Matcher modules = MODULE.matcher(Files.readString(dir.resolve("pom.xml")));
        while (modules.find()) {
            Path module = dir.resolve(modules.group(1)).normalize();
            String pom = Files.readString(module.resolve("pom.xml"));
            if (pom.contains("<packaging>pom</packaging>")) {
                collectModules(module, poms);
            } else {
                poms.put(ROOT.relativize(module).toString().replace('\\', '/'), pom);
            }
        }
    }

    /** The {@code mq-} artifactId a module's pom declares for itself (the one after its parent). */
    private static String ownArtifact(String pom, String folder) {
        Matcher own = SELF.matcher(pom.substring(pom.indexOf("</parent>")));
        assertThat(own.find()).as(folder + "/pom.xml names an mq- artifactId").isTrue();
        return own.group(1);
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
