package org.senderguard.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The delist portal as a plain HTML client sees it: one cookie jar (like one browser), form posts,
 * and a client address of its own (the trusted proxy header the test application is configured with).
 */
final class PortalBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String clientAddress;
    private final URI server;
    /** The Origin a browser sends with a form, when it is not the server's own address; null: none. */
    private final String origin;

    /** A client of the shared test application. */
    PortalBrowser(String clientAddress) {
        this(clientAddress, null, null);
    }

    /** A client of the server at {@code server}. */
    PortalBrowser(String clientAddress, URI server) {
        this(clientAddress, server, null);
    }

    /**
     * A browser on the site {@code origin}, as behind a reverse proxy that reaches the server at its
     * own address: the forms it posts say they come from that site.
     */
    PortalBrowser(String clientAddress, URI server, String origin) {
        this.clientAddress = clientAddress;
        this.server = server;
        this.origin = origin;
    }

    HttpResponse<String> get(String pathOrUrl) {
        return send(builder(pathOrUrl).GET().build());
    }

    /** A request with no body, by any method. */
    HttpResponse<String> send(String method, String pathOrUrl) {
        return send(builder(pathOrUrl).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    /** Posts the form fields as {@code application/x-www-form-urlencoded}. */
    HttpResponse<String> post(String pathOrUrl, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder form = builder(pathOrUrl).header("Content-Type", "application/x-www-form-urlencoded");
        if (origin != null) {
            form.header("Origin", origin);
        }
        return send(form.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Opens the form and sends it, as a person would. */
    HttpResponse<String> requestLink(String email, String ip) {
        return post("/delist", Map.of("email", email, "ip", ip, "csrf", csrfOf(get("/delist").body())));
    }

    static String csrfOf(String html) {
        Matcher csrf = CSRF.matcher(html);
        if (!csrf.find()) {
            throw new AssertionError("no CSRF field in " + html);
        }
        return csrf.group(1);
    }

    private HttpRequest.Builder builder(String pathOrUrl) {
        URI uri = pathOrUrl.startsWith("http") ? URI.create(pathOrUrl)
                : server != null ? server.resolve(pathOrUrl) : TestApplication.uri(pathOrUrl);
        return HttpRequest.newBuilder(uri).header(DelistPortalTest.CLIENT_HEADER, clientAddress);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
