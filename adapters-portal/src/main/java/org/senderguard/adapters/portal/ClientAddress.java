package org.senderguard.adapters.portal;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.InvalidValueException;

/**
 * The address a portal request comes from, for the per-client rate limit: the TCP peer, or behind a
 * reverse proxy the header it sets ({@code SENDERGUARD_PORTAL_CLIENT_ADDRESS_HEADER}, e.g.
 * {@code X-Real-IP}), believed only from the proxies listed in
 * {@code SENDERGUARD_PORTAL_TRUSTED_PROXIES} (by default this host's loopback). Never
 * {@code Forwarded}/{@code X-Forwarded-For} on their own say-so, as Micronaut's default resolver
 * would: any client can send those, and evade the limit with them. A header that is not one IP
 * address counts as absent. Made at start, so that a bad proxy list stops the server there.
 */
@Context
class ClientAddress {

    /** Not in the placeholder's default: there a colon ends the property's name. */
    private static final String LOOPBACK = "127.0.0.0/8,::1";

    private final String header;
    private final TrustedProxies proxies;

    ClientAddress(@Value("${senderguard.portal.client-address-header:}") String header,
                  @Value("${senderguard.portal.trusted-proxies:}") String proxies) {
        this.header = header.isBlank() ? null : header;
        this.proxies = TrustedProxies.parse("SENDERGUARD_PORTAL_TRUSTED_PROXIES", proxies.isBlank() ? LOOPBACK : proxies);
    }

    /** Canonical. */
    String of(HttpRequest<?> request) {
        Probe.Ip peer = Probe.ip("clientIp", request.getRemoteAddress().getAddress().getHostAddress());
        String forwarded = header == null || !proxies.trusts(peer) ? null : request.getHeaders().get(header);
        if (forwarded != null) {
            try {
                return Probe.ip("clientIp", forwarded.strip()).value();
            } catch (InvalidValueException notAnAddress) {
                // Fall back to the peer.
            }
        }
        return peer.value();
    }
}
