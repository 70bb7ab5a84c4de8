package mq.broker;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The class path of this JVM as absolute entries, with jar manifests' {@code Class-Path} expanded.
 * {@code java -jar mq.jar} reports only {@code mq.jar}, and test runners often start JVMs from a
 * temporary manifest-only jar; a child process needs the real list.
 */
public final class ClassPath {

    private ClassPath() {
    }

    public static String ofThisJvm() {
        return expand(System.getProperty("java.class.path"));
    }

    /** {@code classPath} with manifest references inlined after each jar, duplicates dropped. */
    static String expand(String classPath) {
        Set<Path> entries = new LinkedHashSet<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                add(Path.of(entry).toAbsolutePath().normalize(), entries);
            }
        }
        // The same jar can be listed twice (lib/x.jar from a manifest and x.jar from a local
        // repository, e.g. in test runs): keep the first, as the JVM would load from it anyway.
        Set<String> jarNames = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (Path p : entries) {
            String name = p.getFileName() == null ? "" : p.getFileName().toString();
            if (!name.endsWith(".jar") || jarNames.add(name)) {
                out.add(p.toString());
            }
        }
        return String.join(File.pathSeparator, out);
    }

    private static void add(Path entry, Set<Path> entries) {
        if (!entries.add(entry) || !entry.toString().endsWith(".jar") || !Files.isRegularFile(entry)) {
            return;
        }
        for (Path referenced : manifestClassPath(entry)) {
            add(referenced, entries);
        }
    }

    private static List<Path> manifestClassPath(Path jar) {
        List<Path> out = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String value = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (value == null) {
                return out;
            }
            URI base = jar.toUri();
            for (String ref : value.trim().split("\\s+")) {
                URI uri = base.resolve(ref);
                if ("file".equals(uri.getScheme())) {
                    out.add(Path.of(uri).normalize());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // An unreadable jar contributes only itself; the JVM would ignore its manifest too.
        }
        return out;
    }
}
