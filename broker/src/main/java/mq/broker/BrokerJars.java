package mq.broker;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The class path of the broker process: this JVM's (the roles' libraries, logging included) plus
 * Kafka's broker and Scala jars, which no role loads and which therefore live apart, in
 * {@code broker-lib/} beside the {@code lib/} folder that holds this module's jar.
 */
final class BrokerJars {
    /** Names the folder of the broker's jars where the layout above does not apply (tests run from classes). */
    static final String PROPERTY = "mq.broker.lib";
    static final String FOLDER = "broker-lib";
    private static final String BROKER_CLASS = "kafka.Kafka";

    private BrokerJars() {
    }

    static String classPath() {
        String own = ClassPath.ofThisJvm();
        Optional<Path> folder = folder();
        if (folder.isPresent()) {
            List<String> jars = jarsIn(folder.get());
            if (!jars.isEmpty()) {
                return own + File.pathSeparator + String.join(File.pathSeparator, jars);
            }
        }
        if (onThisClassPath()) {
            return own;
        }
        throw new BrokerException("the broker's jars (kafka_2.13 and Scala) are missing"
                + folder.map(f -> ": expected them in " + f).orElse("") + "; build with `mvn package`"
                + " (it copies them to cli/target/" + FOLDER + "/), or point the system property " + PROPERTY
                + " at a folder of them");
    }

    /** {@code $mq.broker.lib}, else {@code broker-lib} beside the folder of this class's jar. */
    static Optional<Path> folder() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Optional.of(Path.of(property).toAbsolutePath().normalize());
        }
        CodeSource source = BrokerJars.class.getProtectionDomain().getCodeSource();
        if (source == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            Path parent = location.getParent();
            return Files.isRegularFile(location) && parent != null && parent.getParent() != null
                    ? Optional.of(parent.getParent().resolve(FOLDER)) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static List<String> jarsIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().map(Path::toString).toList();
        } catch (IOException e) {
            throw new BrokerException("cannot list the broker's jars in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** A development set-up (an IDE, a test class path) may carry the broker already. */
    private static boolean onThisClassPath() {
        try {
            Class.forName(BROKER_CLASS, false, BrokerJars.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
