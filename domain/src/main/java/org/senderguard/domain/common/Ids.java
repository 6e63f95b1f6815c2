package org.senderguard.domain.common;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Ids that users send back: only in the 36-character form senderguard writes them in. UUID.fromString
 * also takes shortened forms ({@code 1-2-3-4-5}), which name an id other than the one typed.
 */
public final class Ids {

    private static final Pattern CANONICAL = Pattern.compile(
            "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");

    private Ids() {
    }

    /** The id, or empty when {@code input} (null too) is not one in its canonical form. */
    public static Optional<UUID> parse(String input) {
        return input != null && CANONICAL.matcher(input).matches() ? Optional.of(UUID.fromString(input))
                : Optional.empty();
    }
}
