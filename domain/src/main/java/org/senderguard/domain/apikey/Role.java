package org.senderguard.domain.apikey;

/** What an API key may do within its tenant. */
public enum Role {
    /** Everything an admin can do, including unblocking users. */
    GLOBAL_ADMIN,
    /** Read-only access to the tenant's lists, alerts and audit log. */
    SECURITY_READER,
    /** The mail-flow decision endpoints only; meant for an MTA or gateway. */
    MAIL_FLOW
}
