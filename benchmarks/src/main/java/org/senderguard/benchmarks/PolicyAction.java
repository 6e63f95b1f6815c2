package org.senderguard.benchmarks;

import java.util.Locale;

/** The kinds of answer a policy server gives, as the benchmark tells them apart. */
enum PolicyAction {
    DUNNO("DUNNO"),
    REJECT_BAD_SENDER("550 5.1.8 ..."),
    DEFER("DEFER..."),
    OTHER("other");

    private final String label;

    PolicyAction(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The kind of {@code action}, the text after {@code action=}. */
    static PolicyAction of(String action) {
        String upper = action.strip().toUpperCase(Locale.ROOT);
        if (upper.equals("DUNNO")) {
            return DUNNO;
        }
        if (upper.startsWith("550 5.1.8") || upper.startsWith("REJECT") && upper.contains("5.1.8")) {
            return REJECT_BAD_SENDER;
        }
        if (upper.startsWith("DEFER") || upper.startsWith("4")) {
            return DEFER;
        }
        return OTHER;
    }
}
