package org.senderguard.domain.audit;

import java.util.Objects;

/** Who made a change: an API key, an operator on the CLI, or the service itself. */
public record Actor(String value) {

    public static final Actor SYSTEM = new Actor("system");
    /** As long as the audit log stores: "portal:" and the longest email address fit. */
    public static final int MAX_LENGTH = 300;

    public Actor {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an actor is at most " + MAX_LENGTH + " characters");
        }
    }

    public static Actor apiKey(String keyId) {
        return new Actor("api-key:" + keyId);
    }

    public static Actor operator(String name) {
        return new Actor("operator:" + name);
    }

    public boolean isOperator() {
        return value.startsWith("operator:");
    }

    @Override
    public String toString() {
        return value;
    }
}
