package mq.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mq.broker.ClassPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParentWatchTest {
    @TempDir
    Path dir;

    @Test
    void aChildEndsWhenItsLauncherIsKilled() throws Exception {
        // Given a launcher that started a child the way runs start roles, and says the child's pid
        Process launcher = new ProcessBuilder(javaCommand(Launcher.class, dir.resolve("child.log").toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        ProcessHandle child;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            child = ProcessHandle.of(Long.parseLong(out.readLine().trim())).orElseThrow();
        }
        assertThat(child.isAlive()).isTrue();

        // When the launcher is killed with SIGKILL, so that no shutdown hook of its own runs
        launcher.destroyForcibly();
        launcher.waitFor(10, TimeUnit.SECONDS);

        // Then the child ends too
        child.onExit().get(30, TimeUnit.SECONDS);
        assertThat(child.isAlive()).isFalse();
    }

    private static List<String> javaCommand(Class<?> main, String argument) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx32m",
                "-cp", ClassPath.ofThisJvm(), main.getName(), argument);
    }

    /** Starts a {@link Child} as runs start roles, prints its pid, and waits to be killed. */
    public static final class Launcher {
        public static void main(String[] args) throws Exception {
            ChildProcess child = ChildProcess.startMain("child", Child.class.getName(), List.of(), "32m",
                    Path.of(args[0]), JitMode.C1);
            System.out.println(child.pid());
            System.out.flush();
            child.awaitExit(Duration.ofMinutes(5)); // until killed, as a run waits for its roles
        }
    }

    /** A stand-in role: watches its parent, then idles. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            ParentWatch.startIfAsked();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5)); // idling is the point: only its launcher's end may stop it
        }
    }
}
