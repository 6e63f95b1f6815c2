package org.senderguard.adapters.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256: a small, fixed-size key for values too long to index themselves. */
final class Sha256 {

    private static final HexFormat HEX = HexFormat.of();
    /** One digest per thread: looking the algorithm up for every value was a tenth of an import's time. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    private Sha256() {
    }

    static String hex(String text) {
        return HEX.formatHex(bytes(text));
    }

    /** {@code digest} resets the digest, so a thread's next value starts afresh. */
    static byte[] bytes(String text) {
        return DIGEST.get().digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
