package mq.launcher;

import mq.broker.OwnerWatch;

/**
 * Ends a role started by {@link ChildProcess} when the process that started it is gone. A launcher
 * stopped with SIGTERM or Ctrl-C stops its children itself (a shutdown hook); one killed with SIGKILL
 * cannot, and its workers and aggregator would keep running, in the group and holding its partitions.
 * The child is told its parent's pid by a system property, so a role started by hand watches nothing.
 */
public final class ParentWatch {
    /** The system property that carries the parent's pid. */
    static final String PARENT_PID = "mq.parent.pid";
    /** The exit code of a role whose parent vanished: as if it had been sent SIGTERM (128 + 15). */
    static final int EXIT_CODE = 143;

    private ParentWatch() {
    }

    /** The JVM option that makes a child started with it run {@link #startIfAsked()} against this process. */
    static String optionForChildren() {
        return "-D" + PARENT_PID + "=" + ProcessHandle.current().pid();
    }

    /**
     * Exits this JVM (running its shutdown hooks, so roles leave their groups cleanly) once the parent
     * named by {@value #PARENT_PID} has ended; does nothing when the property is not set.
     */
    public static void startIfAsked() {
        String pid = System.getProperty(PARENT_PID);
        if (pid != null && !pid.isBlank()) {
            OwnerWatch.exitWhenGone(Long.parseLong(pid.trim()), "role", EXIT_CODE);
        }
    }
}
