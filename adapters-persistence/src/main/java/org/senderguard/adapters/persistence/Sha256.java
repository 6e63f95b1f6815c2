package org.senderguard.adapters.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256: a small, fixed-size key for values too long to index themselves. */
final class Sha256 {

    private Sha256() {
    }

    static String hex(String text) {
        return HexFormat.of().formatHex(bytes(text));
    }

    static byte[] bytes(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
