package org.senderguard.adapters.rest;

/** The role names {@code @Secured} checks; they are the names of the domain's roles. */
public final class Roles {

    public static final String GLOBAL_ADMIN = "GLOBAL_ADMIN";
    public static final String SECURITY_READER = "SECURITY_READER";
    public static final String MAIL_FLOW = "MAIL_FLOW";

    private Roles() {
    }
}
