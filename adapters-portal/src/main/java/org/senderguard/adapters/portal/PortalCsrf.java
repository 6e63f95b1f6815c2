package org.senderguard.adapters.portal;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * CSRF protection for the portal's forms, by double submission: every page with a form sets a
 * random token in a strict same-site, HTTP-only cookie and in a hidden field; a POST is accepted only
 * when both arrive and are equal. Another site can make a browser post the form, but it can neither
 * read the cookie nor make the browser send it along (SameSite=Strict).
 */
@Singleton
class PortalCsrf {

    static final String FIELD = "csrf";
    private static final String COOKIE = "senderguard_portal_csrf";
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();

    /** The browser's token, or a new one: pages open in several tabs keep working. */
    String tokenFor(HttpRequest<?> request) {
        return request.getCookies().findCookie(COOKIE).map(Cookie::getValue)
                .filter(value -> FORMAT.matcher(value).matches()).orElseGet(this::newToken);
    }

    <T> MutableHttpResponse<T> withCookie(HttpRequest<?> request, MutableHttpResponse<T> response, String token) {
        return response.cookie(Cookie.of(COOKIE, token).httpOnly(true).sameSite(SameSite.Strict).path("/delist")
                .secure(request.isSecure()));
    }

    boolean accepts(HttpRequest<?> request, String field) {
        String cookie = request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse(null);
        return cookie != null && field != null && FORMAT.matcher(cookie).matches()
                && MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII),
                field.getBytes(StandardCharsets.US_ASCII));
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
