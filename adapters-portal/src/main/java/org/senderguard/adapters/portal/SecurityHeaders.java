package org.senderguard.adapters.portal;

import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers on every portal response, beside the Content-Security-Policy that micronaut-views adds:
 * no framing (against clickjacking the "Delist IP" button), no type sniffing, no Referer to other
 * sites (it could carry a confirmation link's token), and no caching of pages that show it.
 */
@ServerFilter({"/delist", "/delist/**"})
class SecurityHeaders {

    @ResponseFilter
    void add(MutableHttpResponse<?> response) {
        response.header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store")
                .header("Cross-Origin-Opener-Policy", "same-origin");
    }
}
