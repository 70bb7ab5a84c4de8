package mq.cli.protocol;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Signals the JDK does not send: SIGSTOP freezes a process the way a long GC pause, a swapped-out
 * host or a paused VM does (no code of its own runs, its sockets stay open), SIGCONT resumes it.
 */
final class Signals {
    private Signals() {
    }

    static void freeze(long pid) {
        send("-STOP", pid);
    }

    static void resume(long pid) {
        send("-CONT", pid);
    }

    private static void send(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start();
            if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill " + signal + " " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + pid, e);
        }
    }
}
