package org.senderguard.domain.outbound;

import java.util.Objects;
import java.util.UUID;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.Ids;
import org.senderguard.domain.common.InvalidValueException;

public record PolicyId(UUID value) {

    public PolicyId {
        Objects.requireNonNull(value, "value");
    }

    public static PolicyId newId() {
        return new PolicyId(UUID.randomUUID());
    }

    public static PolicyId parse(String input) {
        return new PolicyId(Ids.parse(input).orElseThrow(() -> new InvalidValueException("id",
                FreeText.quoted(String.valueOf(input)) + " is not a policy id")));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
