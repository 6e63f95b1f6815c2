package org.senderguard.domain.outbound;

import java.util.Objects;
import java.util.UUID;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.InvalidValueException;

public record PolicyId(UUID value) {

    public PolicyId {
        Objects.requireNonNull(value, "value");
    }

    public static PolicyId newId() {
        return new PolicyId(UUID.randomUUID());
    }

    public static PolicyId parse(String input) {
        try {
            return new PolicyId(UUID.fromString(input));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValueException("id", FreeText.quoted(input) + " is not a policy id");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
