package org.senderguard.adapters.postfix;

import java.util.Map;

/**
 * One policy request as Postfix sent it: its {@code name=value} attributes, in any order. An
 * attribute Postfix did not send reads as empty, as Postfix itself sends attributes it has no value
 * for; attributes this server does not know are kept and ignored.
 */
record PolicyRequest(Map<String, String> attributes) {

    PolicyRequest {
        attributes = Map.copyOf(attributes);
    }

    /** The attribute's value, or "" when it was not sent. */
    String get(String name) {
        return attributes.getOrDefault(name, "");
    }
}
