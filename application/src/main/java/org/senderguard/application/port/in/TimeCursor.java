package org.senderguard.application.port.in;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.senderguard.domain.common.InvalidValueException;

/** The opaque cursor of lists ordered newest first: the time and id of the last item shown. */
public record TimeCursor(Instant at, UUID id) {

    public static TimeCursor parse(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("/", 2);
            return new TimeCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new InvalidValueException("cursor", "not a cursor from a previous page");
        }
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "/" + id).getBytes(StandardCharsets.UTF_8));
    }
}
