package mq.aggregator.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import mq.common.protocol.JobId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where one aggregator process spills: {@code <spill dir>/aggregator-<pid>/<job>}. Every job's
 * store is deleted when the job is reported (or fails), and the process's folder when the
 * aggregator stops; folders of aggregators that died without stopping (SIGKILL) are deleted by
 * the next one that starts on the same spill folder.
 */
final class SpillDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(SpillDirectory.class);
    private static final String PREFIX = "aggregator-";

    private final Path root;
    private final Path mine;

    SpillDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.mine = this.root.resolve(PREFIX + ProcessHandle.current().pid());
        deleteLeftovers();
    }

    Path forJob(String job) {
        return mine.resolve(JobId.check(job));
    }

    Path root() {
        return root;
    }

    /** Deletes this process's folder (every job's store must be closed first), and the spill folder if that leaves it empty. */
    void delete() {
        try {
            SpillStore.deleteTree(mine);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + mine + "; delete it by hand", e);
        }
        try {
            Files.deleteIfExists(root);
        } catch (IOException e) {
            // another aggregator's folder, or anything else someone keeps there: not ours to delete
        }
    }

    private void deleteLeftovers() {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path folder : folders) {
                if (folder.equals(mine) || ownerAlive(folder)) {
                    continue;
                }
                LOG.info("deleting {}, left by an aggregator that is gone", folder);
                SpillStore.deleteTree(folder);
            }
        } catch (IOException e) {
            LOG.warn("cannot clean up {}: {}", root, e.toString());
        }
    }

    private static boolean ownerAlive(Path folder) {
        String pid = folder.getFileName().toString().substring(PREFIX.length());
        try {
            Optional<ProcessHandle> owner = ProcessHandle.of(Long.parseLong(pid));
            return owner.map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not one of ours: leave it alone
        }
    }
}
