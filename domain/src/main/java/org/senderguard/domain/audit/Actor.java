package org.senderguard.domain.audit;

import java.util.Objects;

/** Who made a change: an API key, an operator on the CLI, or the service itself. */
public record Actor(String value) {

    public static final Actor SYSTEM = new Actor("system");

    public Actor {
        Objects.requireNonNull(value, "value");
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
