package org.senderguard.domain.apikey;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.senderguard.domain.common.Sha256;

/**
 * SHA-256 of a key's secret, the only form in which a secret is stored. The secret carries 256
 * bits of entropy, so a fast hash is enough; a slow password hash would add nothing but latency.
 */
public record SecretHash(String hex) {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{64}");

    public SecretHash {
        if (hex == null || !FORMAT.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest");
        }
    }

    public static SecretHash of(String secret) {
        return new SecretHash(Sha256.hex(secret));
    }

    /** Compares in constant time, so response timing tells an attacker nothing about the secret. */
    public boolean matches(String secret) {
        return MessageDigest.isEqual(HexFormat.of().parseHex(hex), Sha256.bytes(secret));
    }
}
