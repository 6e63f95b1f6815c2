package org.senderguard.domain.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of text as UTF-8: API key secrets are stored as it, and the database keys values too long
 * to index themselves by it.
 */
public final class Sha256 {

    private static final HexFormat HEX = HexFormat.of();
    /** One digest per thread: looking the algorithm up costs more than hashing a short text. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    private Sha256() {
    }

    public static String hex(String text) {
        return HEX.formatHex(bytes(text));
    }

    /** {@code digest} resets the digest, so a thread's next value starts afresh. */
    public static byte[] bytes(String text) {
        return DIGEST.get().digest(text.getBytes(StandardCharsets.UTF_8));
    }
}
