package mq.launcher;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;

/**
 * Which JIT compilers a measured JVM may use. It changes throughput by a factor of up to 2 either
 * way (C1 alone warms up sooner, C2 runs hot loops faster), so every comparison states it and runs
 * the baseline and the roles with the same one.
 */
public enum JitMode {
    /** C1 only ({@code -XX:TieredStopAtLevel=1}): compiles in milliseconds, for JVMs that live seconds. */
    C1,
    /** The JDK's default tiered compilation, C1 then C2. */
    C2,
    /** C1 for runs without busy work, C2 for runs with it (busy work is calibrated under C2). */
    AUTO;

    /** The mode a JVM really gets: AUTO decided by the work per record. */
    public JitMode resolve(int workMicros) {
        if (this != AUTO) {
            return this;
        }
        return workMicros == 0 ? C1 : C2;
    }

    /** The JVM options that select this mode (a resolved one). */
    public List<String> jvmOptions() {
        return this == C1 ? List.of("-XX:TieredStopAtLevel=1") : List.of();
    }

    public String optionName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JitMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--jit takes c1, c2 or auto, was '" + text + "'");
        }
    }

    /** The mode this JVM was started with. */
    public static JitMode ofThisJvm() {
        boolean c1Only = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(arg -> arg.startsWith("-XX:TieredStopAtLevel=") && !arg.endsWith("=4"));
        return c1Only ? C1 : C2;
    }
}
