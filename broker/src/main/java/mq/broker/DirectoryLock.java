package mq.broker;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serializes broker starts in one directory across processes (a file lock on {@code .lock}) and
 * across threads of this JVM (a monitor: a file lock is held per JVM, not per thread).
 */
final class DirectoryLock {
    private static final Map<Path, Object> MONITORS = new ConcurrentHashMap<>();

    @FunctionalInterface
    interface Locked<T> {
        T run() throws IOException;
    }

    private DirectoryLock() {
    }

    /** Runs {@code action} holding the lock of {@code dir}, waiting for it at most until {@code deadline}. */
    static <T> T withLock(Path dir, Instant deadline, Locked<T> action) {
        synchronized (MONITORS.computeIfAbsent(dir, d -> new Object())) {
            try {
                Files.createDirectories(dir);
                try (RandomAccessFile file = new RandomAccessFile(dir.resolve(".lock").toFile(), "rw");
                     FileChannel channel = file.getChannel()) {
                    FileLock lock;
                    while ((lock = channel.tryLock()) == null) {
                        if (Instant.now().isAfter(deadline)) {
                            throw new BrokerException("another process is starting the broker in " + dir
                                    + " and did not finish in time");
                        }
                        Pause.briefly();
                    }
                    try {
                        return action.run();
                    } finally {
                        lock.release();
                    }
                }
            } catch (IOException e) {
                throw new BrokerException("cannot use the broker directory " + dir + ": " + e.getMessage(), e);
            }
        }
    }
}
