package org.senderguard.adapters.portal;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import org.senderguard.domain.delisting.PortalToken;

/**
 * CSRF protection for the portal's forms, by double submission: every page with a form sets a
 * random token in a strict same-site, HTTP-only cookie and in a hidden field; a POST is accepted only
 * when both arrive and are equal. Another site can make a browser post the form, but it can neither
 * read the cookie nor make the browser send it along (SameSite=Strict). The token has the shape and
 * strength of a confirmation link's.
 */
@Singleton
class PortalCsrf {

    private static final String COOKIE = "senderguard_portal_csrf";

    private final SecureRandom random = new SecureRandom();
    /** Behind a proxy that ends TLS the request itself looks plain. */
    private final boolean httpsOnly;

    PortalCsrf(@Value("${senderguard.public-url:}") String publicUrl) {
        this.httpsOnly = publicUrl.startsWith("https:");
    }

    /** The browser's token, or a new one: pages open in several tabs keep working. */
    String tokenFor(HttpRequest<?> request) {
        return cookie(request).orElseGet(() -> PortalToken.generate(random).value());
    }

    <T> MutableHttpResponse<T> withCookie(HttpRequest<?> request, MutableHttpResponse<T> response, String token) {
        return response.cookie(Cookie.of(COOKIE, token).httpOnly(true).sameSite(SameSite.Strict).path("/delist")
                .secure(httpsOnly || request.isSecure()));
    }

    boolean accepts(HttpRequest<?> request, String field) {
        return field != null && cookie(request).map(cookie -> MessageDigest.isEqual(
                cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII))).orElse(false);
    }

    private static Optional<String> cookie(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue)
                .flatMap(PortalToken::parse).map(PortalToken::value);
    }
}
