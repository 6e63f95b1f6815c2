package org.senderguard.domain.apikey;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.senderguard.domain.common.InvalidValueException;

/** The public half of an API key: 16 hex digits, safe to show, list and log. */
public record ApiKeyId(String value) {

    static final int LENGTH = 16;

    public ApiKeyId {
        if (value == null || value.length() != LENGTH || !isIdAt(value, 0)) {
            throw new InvalidValueException("id", "API key id '" + value + "' must be 16 hex digits");
        }
    }

    /** Whether {@code text} holds 16 lower-case hex digits from {@code from} (checked by hand: every request names its key). */
    static boolean isIdAt(String text, int from) {
        if (text.length() < from + LENGTH) {
            return false;
        }
        for (int i = from; i < from + LENGTH; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
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
