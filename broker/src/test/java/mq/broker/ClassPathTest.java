package mq.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathTest {

    @TempDir
    Path dir;

    @Test
    void inlinesTheJarsAManifestReferences() throws IOException {
        Path app = jar(dir.resolve("app.jar"), "lib/a.jar lib/b.jar");
        Path a = jar(dir.resolve("lib/a.jar"), null);
        Path b = jar(dir.resolve("lib/b.jar"), null);

        assertThat(ClassPath.expand(app.toString()).split(File.pathSeparator))
                .containsExactly(app.toString(), a.toString(), b.toString());
    }

    @Test
    void keepsTheFirstOfTwoJarsWithTheSameName() throws IOException {
        Path app = jar(dir.resolve("app.jar"), "lib/a.jar");
        Path libA = jar(dir.resolve("lib/a.jar"), null);
        Path repoA = jar(dir.resolve("repo/a.jar"), null);

        assertThat(ClassPath.expand(app + File.pathSeparator + repoA).split(File.pathSeparator))
                .containsExactly(app.toString(), libA.toString());
    }

    @Test
    void keepsDirectoriesAndMissingEntries() {
        Path classes = dir.resolve("classes");

        assertThat(ClassPath.expand(classes + File.pathSeparator + dir.resolve("gone.jar")).split(File.pathSeparator))
                .containsExactly(classes.toString(), dir.resolve("gone.jar").toString());
    }

    private static Path jar(Path path, String classPath) throws IOException {
        Files.createDirectories(path.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (OutputStream out = Files.newOutputStream(path); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
        return path;
    }
}
