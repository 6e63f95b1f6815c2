package org.senderguard.domain.delisting;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.senderguard.domain.apikey.SecretHash;

/**
 * The secret in a delist portal confirmation link: 256 random bits, mailed once and stored only as
 * its {@link SecretHash}, so that the database alone cannot be used to delist anything.
 */
public record PortalToken(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int BYTES = 32;

    public static PortalToken generate(SecureRandom random) {
        byte[] secret = new byte[BYTES];
        random.nextBytes(secret);
        return new PortalToken(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Empty for anything not shaped like a token; callers answer it like an unknown link. */
    public static Optional<PortalToken> parse(String input) {
        return input != null && FORMAT.matcher(input).matches() ? Optional.of(new PortalToken(input))
                : Optional.empty();
    }

    public SecretHash hash() {
        return SecretHash.of(value);
    }

    @Override
    public String toString() {
        return "PortalToken[hidden]";
    }
}
