package org.senderguard.adapters.cli;

import org.senderguard.domain.audit.Actor;

/** The operator running the CLI, as audit records name them: the operating-system user. */
public final class Operator {

    private Operator() {
    }

    public static Actor current() {
        return Actor.operator(System.getProperty("user.name", "unknown"));
    }
}
