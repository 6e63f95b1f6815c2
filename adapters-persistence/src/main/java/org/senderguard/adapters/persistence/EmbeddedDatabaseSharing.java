package org.senderguard.adapters.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.h2.jdbc.JdbcConnection;

/**
 * How processes share an embedded database file. H2 lets them share it only through the first one
 * to open it, which serves it to the others (AUTO_SERVER) and, when it exits, takes it away with
 * their open transactions. So every process uses the database under a shared lock and closes it
 * only once it holds the lock alone, when no other process is using the database; the server takes
 * the lock alone to open it, so that it is the one serving the file. Operating-system locks on a
 * file next to the database, waited for up to {@link #PATIENCE}, released by the system even if
 * the process dies. Any other database needs none of this.
 *
 * <p>Operating-system locks do not queue: while commands come and go, some of them always hold the
 * lock shared, and one waiting to hold it alone would wait in vain. So a process that wants it alone
 * first takes a second lock, the gate, and keeps it until it is done; everyone takes the gate on the
 * way in, so newcomers wait at the gate while the processes already in finish.
 */
public final class EmbeddedDatabaseSharing implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String FILE = "senderguard.sharing";
    private static final long POLL_MILLIS = 50;
    private static final long USE = 0;
    private static final long GATE = 1;

    private final Path directory;
    private final Duration patience;
    private FileChannel channel;
    private FileLock gate;
    private FileLock use;

    EmbeddedDatabaseSharing(Path directory, Duration patience) {
        this.directory = directory;
        this.patience = patience;
    }

    public static EmbeddedDatabaseSharing of(DatabaseSettings database) {
        return new EmbeddedDatabaseSharing(database.embeddedDirectory().orElse(null), PATIENCE);
    }

    /**
     * Waits until no process holds the database alone or waits to, then uses it alongside any others.
     * Twice the patience: whoever holds the gate waits at most the patience for those inside.
     */
    public void alongsideOthers() {
        if (directory == null) {
            return;
        }
        release();
        Duration wait = patience.multipliedBy(2);
        gate = await(GATE, false, wait);
        if (gate == null) {
            throw stillInUse(wait);
        }
        // Whoever holds the use alone holds the gate too: past the gate, the shared use is free.
        use = await(USE, true, patience);
        releaseGate();
        if (use == null) {
            throw stillInUse(patience);
        }
    }

    /** Waits until no other process uses the database. */
    public void alone() {
        if (!awaitAlone()) {
            release();
            throw stillInUse(patience);
        }
    }

    /**
     * Waits before closing, if this process serves the file to others: until none uses it, at most
     * the patience. A process whose connections are clients of another's server closes at once.
     */
    public void beforeClosing(Supplier<DataSource> dataSource) {
        if (directory != null && servesFile(dataSource)) {
            awaitAlone();
        }
    }

    /** When in doubt (there is no pool, or it fails), it does. */
    private static boolean servesFile(Supplier<DataSource> dataSource) {
        try (Connection connection = dataSource.get().getConnection()) {
            return !connection.isWrapperFor(JdbcConnection.class)
                    || !connection.unwrap(JdbcConnection.class).getSession().isRemote();
        } catch (SQLException | RuntimeException e) {
            return true;
        }
    }

    /**
     * Waits, up to the patience, until no other process uses the database, keeping newcomers out
     * meanwhile; whether it came to that. Newcomers stay out until {@link #release()}.
     */
    boolean awaitAlone() {
        if (directory == null) {
            return true;
        }
        release();
        gate = await(GATE, false, patience);
        if (gate == null) {
            return false;
        }
        use = await(USE, false, patience);
        return use != null;
    }

    /** The lock on one byte of the file, waited for up to {@code wait}; null if it stayed taken. */
    private FileLock await(long position, boolean shared, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            if (channel == null) {
                Files.createDirectories(directory);
                channel = FileChannel.open(directory.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
            }
            FileLock lock;
            while ((lock = tryLock(position, shared)) == null) {
                if (System.nanoTime() - deadline > 0) {
                    return null;
                }
                Thread.sleep(POLL_MILLIS);
            }
            return lock;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the embedded database in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The lock, if free; a lock of this process counts as another process's. */
    private FileLock tryLock(long position, boolean shared) throws IOException {
        try {
            return channel.tryLock(position, 1, shared);
        } catch (OverlappingFileLockException heldInThisProcess) {
            return null;
        }
    }

    private IllegalStateException stillInUse(Duration waited) {
        return new IllegalStateException("the embedded database in " + directory + " was still in use by another "
                + "senderguard process after " + waited.toSeconds() + " s; try again later");
    }

    /** Lets other processes in, and have the database alone. */
    public void release() {
        use = released(use);
        releaseGate();
    }

    private void releaseGate() {
        gate = released(gate);
    }

    private static FileLock released(FileLock lock) {
        try {
            if (lock != null) {
                lock.release();
            }
            return null;
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
