package mq.broker;

import java.util.Optional;

/**
 * Ties this JVM's life to another process, its owner: once the owner is gone, this one exits,
 * running its shutdown hooks (Kafka's, a role's), so it stops cleanly. Used by the broker a test
 * run starts and by the roles a local run starts, which an owner killed with SIGKILL cannot stop.
 */
public final class OwnerWatch {
    private OwnerWatch() {
    }

    /**
     * @param self     what this process is, for the message ("broker", "role")
     * @param exitCode the code to exit with
     */
    public static void exitWhenGone(long ownerPid, String self, int exitCode) {
        Optional<ProcessHandle> owner = ProcessHandle.of(ownerPid);
        if (owner.isEmpty()) {
            System.err.println("process " + ownerPid + " that owns this " + self + " is gone; not starting");
            System.exit(exitCode);
        }
        // Polled by the JDK for a process that is not our child; the future completes on a thread of its own.
        owner.get().onExit().thenRun(() -> {
            System.err.println("process " + ownerPid + " that owns this " + self + " exited; shutting down");
            System.exit(exitCode);
        });
    }
}
