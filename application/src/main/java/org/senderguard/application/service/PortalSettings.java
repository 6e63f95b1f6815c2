package org.senderguard.application.service;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The delist portal's settings: its public address (links in mail point under it), who to contact
 * for what it cannot delist, and how many link requests per hour a client (an IPv4 address or an
 * IPv6 /64), the network holding it (an IPv4 /24 or an IPv6 /48), an email address, a listed IP
 * address from one client, and the whole service may have.
 */
public record PortalSettings(Supplier<String> portalUrl, String supportContact, int requestsPerClientPerHour,
                             int requestsPerNetworkPerHour, int requestsPerAddressPerHour, int requestsPerIpPerHour,
                             int requestsPerHour) {

    public PortalSettings {
        Objects.requireNonNull(portalUrl, "portalUrl");
        Objects.requireNonNull(supportContact, "supportContact");
        if (requestsPerClientPerHour < 1 || requestsPerNetworkPerHour < 1 || requestsPerAddressPerHour < 1
                || requestsPerIpPerHour < 1 || requestsPerHour < 1) {
            throw new IllegalArgumentException("portal rate limits must be at least 1 per hour");
        }
    }
}
