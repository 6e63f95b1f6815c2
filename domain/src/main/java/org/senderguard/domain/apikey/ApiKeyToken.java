package org.senderguard.domain.apikey;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The bearer token handed to a caller once: {@code sg_<id>_<secret>}. The id finds the stored
 * key without touching the secret; the 256-bit secret is then checked against its hash.
 */
public record ApiKeyToken(ApiKeyId id, String secret) {

    private static final String PREFIX = "sg_";
    private static final int SECRET_BYTES = 32;
    /** The secret's length in unpadded base64url. */
    private static final int SECRET_LENGTH = 43;
    private static final int SECRET_AT = PREFIX.length() + ApiKeyId.LENGTH + 1;

    public static ApiKeyToken generate(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return new ApiKeyToken(ApiKeyId.random(random), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Empty for anything that is not shaped like a token; callers answer that as "bad key". */
    public static Optional<ApiKeyToken> parse(String token) {
        if (token == null) {
            return Optional.empty();
        }
        String t = token.strip();
        if (t.length() != SECRET_AT + SECRET_LENGTH || !t.startsWith(PREFIX) || !ApiKeyId.isIdAt(t, PREFIX.length())
                || t.charAt(SECRET_AT - 1) != '_' || !isBase64Url(t, SECRET_AT)) {
            return Optional.empty();
        }
        return Optional.of(new ApiKeyToken(new ApiKeyId(t.substring(PREFIX.length(), SECRET_AT - 1)),
                t.substring(SECRET_AT)));
    }

    private static boolean isBase64Url(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    public String value() {
        return PREFIX + id.value() + "_" + secret;
    }

    public SecretHash hash() {
        return SecretHash.of(secret);
    }

    @Override
    public String toString() {
        return "ApiKeyToken[" + id + ", secret hidden]";
    }
}
