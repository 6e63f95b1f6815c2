package org.senderguard.domain.blocklist;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What a block-list entry blocks: an email address, a domain, a URL or an IP address or range. */
public enum EntryType {
    SENDER, DOMAIN, URL, IP;

    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    /** Default lifetime: 30 days for SENDER, DOMAIN, URL; empty (never expires) for IP. */
    public Optional<Duration> defaultLifetime() {
        return this == IP ? Optional.empty() : Optional.of(THIRTY_DAYS);
    }

    /** When an entry created at {@code createdAt} expires by default; null for never. */
    public Instant defaultExpiresAt(Instant createdAt) {
        return defaultLifetime().map(createdAt::plus).orElse(null);
    }
}
