package org.senderguard.adapters.postfix;

import java.util.Locale;

/** How the policy server answers a request it cannot get a decision for ({@code SENDERGUARD_POLICY_FAIL_MODE}). */
public enum FailMode {

    /**
     * Postfix defers the recipient or message, unless a later restriction rejects it: the sender's
     * server tries again, and nothing goes out undecided.
     */
    DEFER("DEFER_IF_PERMIT 4.3.0 senderguard cannot decide now, try again later"),
    /** Postfix goes on with its other restrictions as if senderguard had no objection: mail keeps flowing. */
    OPEN("DUNNO");

    private final String action;

    FailMode(String action) {
        this.action = action;
    }

    /** The action Postfix is given, without {@code action=}. */
    String action() {
        return action;
    }

    /** The action's name, for the log: {@code DEFER_IF_PERMIT} or {@code DUNNO}. */
    String actionName() {
        int space = action.indexOf(' ');
        return space < 0 ? action : action.substring(0, space);
    }

    static FailMode parse(String setting, String value) {
        if (PolicySettings.blank(value)) {
            return DEFER;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "defer" -> DEFER;
            case "open" -> OPEN;
            default -> throw PolicySettings.bad(setting, value, "is not a fail mode (defer or open)");
        };
    }
}
