package org.senderguard.adapters.portal;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.InvalidValueException;

/**
 * The address a portal request comes from, for the per-client rate limit: the TCP peer, or behind a
 * reverse proxy the header it sets ({@code SENDERGUARD_PORTAL_CLIENT_ADDRESS_HEADER}, e.g.
 * {@code X-Real-IP}; the proxy must overwrite it, and the server be reachable only through it).
 * Never {@code Forwarded}/{@code X-Forwarded-For} on their own say-so, as Micronaut's default
 * resolver would: any client can send those, and evade the limit with them. A header that is not
 * one IP address counts as absent.
 */
@Singleton
class ClientAddress {

    private final String header;

    ClientAddress(@Value("${senderguard.portal.client-address-header:}") String header) {
        this.header = header.isBlank() ? null : header;
    }

    /** Canonical. */
    String of(HttpRequest<?> request) {
        String forwarded = header == null ? null : request.getHeaders().get(header);
        if (forwarded != null) {
            try {
                return Probe.ip("clientIp", forwarded.strip()).value();
            } catch (InvalidValueException notAnAddress) {
                // Fall back to the peer.
            }
        }
        return Probe.ip("clientIp", request.getRemoteAddress().getAddress().getHostAddress()).value();
    }
}
