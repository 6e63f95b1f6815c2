package org.senderguard.adapters.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * How processes share an embedded database file. H2 lets them share it only through the first one
 * to open it, which serves it to the others (AUTO_SERVER) and, when it exits, takes it away with
 * their open transactions. So every process uses the database under a shared lock and closes it
 * only once it holds the lock alone, when no other process is using the database; the server takes
 * the lock alone to open it, so that it is the one serving the file. Operating-system locks on a
 * file next to the database, waited for up to {@link #PATIENCE}, released by the system even if
 * the process dies. Any other database needs none of this.
 */
public final class EmbeddedDatabaseSharing implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String FILE = "senderguard.sharing";
    private static final long POLL_MILLIS = 50;

    private final Path directory;
    private final Duration patience;
    private FileChannel channel;
    private FileLock lock;

    EmbeddedDatabaseSharing(Path directory, Duration patience) {
        this.directory = directory;
        this.patience = patience;
    }

    public static EmbeddedDatabaseSharing of(DatabaseSettings database) {
        return new EmbeddedDatabaseSharing(database.embeddedDirectory().orElse(null), PATIENCE);
    }

    /** Waits until no process holds the database alone, then uses it alongside any others. */
    public void alongsideOthers() {
        if (!await(true)) {
            throw stillInUse();
        }
    }

    /** Waits until no other process uses the database. */
    public void alone() {
        if (!await(false)) {
            throw stillInUse();
        }
    }

    /** Waits, up to the patience, until no other process uses the database; whether it came to that. */
    public boolean awaitAlone() {
        return await(false);
    }

    private boolean await(boolean shared) {
        if (directory == null) {
            return true;
        }
        release();
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            if (channel == null) {
                Files.createDirectories(directory);
                channel = FileChannel.open(directory.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
            }
            while ((lock = tryLock(shared)) == null) {
                if (System.nanoTime() - deadline > 0) {
                    return false;
                }
                Thread.sleep(POLL_MILLIS);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the embedded database in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The lock, if free; a lock of this process counts as another process's. */
    private FileLock tryLock(boolean shared) throws IOException {
        try {
            return channel.tryLock(0, Long.MAX_VALUE, shared);
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    private IllegalStateException stillInUse() {
        return new IllegalStateException("the embedded database in " + directory + " was still in use by another "
                + "senderguard process after " + patience.toSeconds() + " s; try again later");
    }

    /** Lets other processes have the database alone. */
    public void release() {
        try {
            if (lock != null) {
                lock.release();
                lock = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        release();
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
