package org.senderguard.adapters.portal;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/**
 * The address a portal request comes from, for the per-client rate limit: the TCP peer, or behind a
 * reverse proxy the header it sets ({@code SENDERGUARD_PORTAL_CLIENT_ADDRESS_HEADER}, e.g.
 * {@code X-Real-IP}). Never {@code Forwarded}/{@code X-Forwarded-For} on their own say-so, as
 * Micronaut's default resolver would: any client can send those, and evade the limit with them.
 */
@Singleton
class ClientAddress {

    private final String header;

    ClientAddress(@Value("${senderguard.portal.client-address-header:}") String header) {
        this.header = header.isBlank() ? null : header;
    }

    String of(HttpRequest<?> request) {
        String forwarded = header == null ? null : request.getHeaders().get(header);
        return forwarded != null && !forwarded.isBlank() ? forwarded.strip()
                : request.getRemoteAddress().getAddress().getHostAddress();
    }
}
