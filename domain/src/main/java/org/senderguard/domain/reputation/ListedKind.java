package org.senderguard.domain.reputation;

/** What a third-party list lists: sending IP addresses, domain names, or whole URLs. */
public enum ListedKind {
    IP,
    DOMAIN,
    URL
}
