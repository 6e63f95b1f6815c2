package org.senderguard.adapters.rest.restricted;

import io.micronaut.http.HttpRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The address segment of a path, raw or percent-encoded. The router decodes '+' as a space, as
 * in form data; in a path '+' is itself, and addresses often contain one (user+tag@example.com).
 */
final class AddressInPath {

    private static final String COLLECTION = "/restricted-users/";

    private AddressInPath() {
    }

    static String of(HttpRequest<?> request) {
        String path = request.getUri().getRawPath();
        String rest = path.substring(path.indexOf(COLLECTION) + COLLECTION.length());
        int end = rest.indexOf('/');
        String segment = end < 0 ? rest : rest.substring(0, end);
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
