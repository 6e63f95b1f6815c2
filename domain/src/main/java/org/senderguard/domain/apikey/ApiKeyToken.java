package org.senderguard.domain.apikey;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bearer token handed to a caller once: {@code sg_<id>_<secret>}. The id finds the stored
 * key without touching the secret; the 256-bit secret is then checked against its hash.
 */
public record ApiKeyToken(ApiKeyId id, String secret) {

    private static final Pattern FORMAT = Pattern.compile("sg_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
    private static final int SECRET_BYTES = 32;

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
        Matcher m = FORMAT.matcher(token.strip());
        return m.matches() ? Optional.of(new ApiKeyToken(new ApiKeyId(m.group(1)), m.group(2))) : Optional.empty();
    }

    public String value() {
        return "sg_" + id.value() + "_" + secret;
    }

    public SecretHash hash() {
        return SecretHash.of(secret);
    }

    @Override
    public String toString() {
        return "ApiKeyToken[" + id + ", secret hidden]";
    }
}
