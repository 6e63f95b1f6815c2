package org.senderguard.domain.apikey;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import org.senderguard.domain.common.InvalidValueException;

/** The public half of an API key: 16 hex digits, safe to show, list and log. */
public record ApiKeyId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{16}");

    public ApiKeyId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new InvalidValueException("id", "API key id '" + value + "' must be 16 hex digits");
        }
    }

    static ApiKeyId random(SecureRandom random) {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return new ApiKeyId(HexFormat.of().formatHex(bytes));
    }

    @Override
    public String toString() {
        return value;
    }
}
