package mq.lab.scale;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Map;

/** What a result folder needs for its figures to be compared and reproduced: machine, software, settings. */
public record Manifest(Machine machine, Software software, Map<String, Object> settings, String startedAt) {

    public record Machine(int cores, long memoryBytes, String os, String arch) {
    }

    public record Software(String jdk, String jdkVendor, String kafkaClients, String broker) {
    }

    public static Manifest of(Map<String, Object> settings, String bootstrap, Instant startedAt) {
        long memory = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : -1;
        return new Manifest(
                new Machine(Runtime.getRuntime().availableProcessors(), memory, System.getProperty("os.name") + " "
                        + System.getProperty("os.version"), System.getProperty("os.arch")),
                new Software(System.getProperty("java.version"), System.getProperty("java.vendor"),
                        kafkaClientsVersion(), bootstrap),
                settings, startedAt.toString());
    }

    /** Read from the properties file inside kafka-clients (its own accessor is internal API). */
    static String kafkaClientsVersion() {
        try (var in = Manifest.class.getResourceAsStream("/kafka/kafka-version.properties")) {
            java.util.Properties props = new java.util.Properties();
            if (in != null) {
                props.load(in);
            }
            return props.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
