package mq.lab.chaos;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * SIGSTOP and SIGCONT, which the JDK cannot send: through {@code kill}, as an operator would.
 * SIGKILL needs no help ({@code Process.destroyForcibly()}).
 */
final class Signals {
    private Signals() {
    }

    /** Freezes {@code pid}: it keeps its sockets and memory but runs no instruction, as in a long GC pause. */
    static void freeze(long pid) {
        send("-STOP", pid);
    }

    static void resume(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            send("-CONT", pid);
        }
    }

    private static void send(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).redirectErrorStream(true).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + pid + " failed: "
                        + new String(kill.getInputStream().readAllBytes()).trim());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill " + signal + " (is this a Unix-like system?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + signal + " to " + pid, e);
        }
    }
}
