package org.senderguard.adapters.persistence;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import org.senderguard.application.port.out.BlockListSnapshots;

/**
 * The snapshot in the data directory ({@code SENDERGUARD_DATA_DIR}, also when the database is
 * MariaDB), as {@code blocklists.snapshot} in {@link SnapshotFormat}. Written to a temporary file that
 * is synced and then renamed over the old one, so that a crash leaves the old snapshot or the new one.
 */
@Singleton
@Requires(property = FileBlockListSnapshots.DATA_DIR)
class FileBlockListSnapshots implements BlockListSnapshots {

    static final String DATA_DIR = "senderguard.data-dir";
    static final String FILE = "blocklists.snapshot";
    private static final int BUFFER = 1 << 16;

    private final Path file;

    FileBlockListSnapshots(@Value("${" + DATA_DIR + "}") Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    @Override
    public Optional<Stored> read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UnreadableSnapshotException("cannot read " + file + ": " + e.getMessage());
        }
        return Optional.of(SnapshotFormat.open(bytes));
    }

    @Override
    public void write(Snapshot snapshot) {
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            // A name of its own, should two servers share the directory.
            temporary = Files.createTempFile(file.getParent(), FILE, ".tmp");
            try (FileOutputStream stream = new FileOutputStream(temporary.toFile())) {
                CheckedOutputStream checked = new CheckedOutputStream(stream, new CRC32C());
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(checked, BUFFER));
                SnapshotFormat.write(snapshot, out);
                out.flush();
                stream.write(ByteBuffer.allocate(Integer.BYTES).putInt((int) checked.getChecksum().getValue()).array());
                stream.getFD().sync();
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory();
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("cannot write the block-list snapshot " + file + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path temporary) {
        try {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException ignored) {
            // The next write uses a name of its own; the snapshot itself is untouched.
        }
    }

    /** Makes the rename itself durable. */
    private void syncDirectory() throws IOException {
        try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        }
    }
}
