package mq.broker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How to start one broker process: its settings, the cluster id, and the command line
 * ({@code java ... mq.broker.BrokerMain [--format ID] [--exit-with PID] server.properties}).
 */
record BrokerLaunch(BrokerConfig config, String clusterId, List<String> javaCommand, List<String> brokerArgs) {

    /**
     * @param format   format the storage first (a new data folder) with {@code clusterId}
     * @param owner    a process whose exit stops the broker, or null
     */
    static BrokerLaunch of(BrokerConfig config, String clusterId, boolean format, String heap, Path dir,
                           Path log4jConfig, Path properties, ProcessHandle owner) {
        List<String> java = List.of(
                javaExecutable(),
                "-Xmx" + heap,
                "-XX:+UseG1GC",
                "-XX:MaxGCPauseMillis=20",
                "-Djava.awt.headless=true",
                "-Dlog4j2.configurationFile=" + log4jConfig.toUri(),
                "-Dkafka.logs.dir=" + dir,
                "-cp", BrokerJars.classPath(),
                BrokerMain.class.getName());
        List<String> args = new ArrayList<>();
        if (format) {
            args.add("--format");
            args.add(clusterId);
        }
        if (owner != null) {
            args.add("--exit-with");
            args.add(Long.toString(owner.pid()));
        }
        args.add(properties.toString());
        return new BrokerLaunch(config, clusterId, java, List.copyOf(args));
    }

    /** @param detach in a session of its own, so that the terminal's signals do not reach it */
    List<String> command(boolean detach) {
        List<String> cmd = new ArrayList<>();
        if (detach) {
            detachPrefix().ifPresent(cmd::add);
        }
        cmd.addAll(javaCommand);
        cmd.addAll(brokerArgs);
        return cmd;
    }

    BrokerState state(ProcessHandle process) {
        return new BrokerState(process.pid(), config.bootstrap(), config.brokerPort(), config.controllerPort(),
                clusterId, Instant.now().toString(), BrokerState.processStart(process));
    }

    private static String javaExecutable() {
        Path java = Path.of(System.getProperty("java.home"), "bin",
                System.getProperty("os.name").toLowerCase().startsWith("windows") ? "java.exe" : "java");
        if (!Files.isExecutable(java)) {
            throw new BrokerException("cannot find the java launcher at " + java
                    + "; run mq with a full JDK or JRE (JAVA_HOME pointing at Java 17 or newer)");
        }
        return java.toString();
    }

    /**
     * On Linux, {@code setsid} puts the broker in its own session: closing the terminal that ran
     * {@code mq broker start} (SIGHUP) or Ctrl-C in it does not reach the broker.
     */
    private static Optional<String> detachPrefix() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
