package org.senderguard.adapters.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/** The embedded database's password: made once, kept in the data directory, readable by its owner only. */
final class EmbeddedDatabaseSecret {

    private static final String FILE = "db-password";

    private EmbeddedDatabaseSecret() {
    }

    static String in(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            restrictToOwner(dataDir, "rwx------");
            Path file = dataDir.resolve(FILE);
            if (!Files.exists(file)) {
                create(file);
            }
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data directory " + dataDir + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path temp = Files.createTempFile(file.getParent(), FILE, ".tmp");
        restrictToOwner(temp, "rw-------");
        Files.writeString(temp, Base64.getUrlEncoder().withoutPadding().encodeToString(secret), StandardCharsets.UTF_8);
        try {
            // A server and a CLI command starting together must end up with the same password.
            Files.move(temp, file);
        } catch (FileAlreadyExistsException otherProcessWasFirst) {
            Files.delete(temp);
        }
    }

    private static void restrictToOwner(Path path, String permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }
}
