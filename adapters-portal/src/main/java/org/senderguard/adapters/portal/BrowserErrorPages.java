package org.senderguard.adapters.portal;

import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.views.ViewsRendererLocator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The framework's own refusals on the portal's paths (an unknown page, another method, a body too
 * large or not a form) come as problem+json, which a browser shows as raw text: people get the
 * portal's message page instead. Rendered here, as no route's view renders them.
 */
@ServerFilter({"/delist", "/delist/**"})
class BrowserErrorPages {

    private static final String PROBLEM = "application/problem+json";
    private static final String VIEW = "delist/message";

    private final ViewsRendererLocator renderers;

    BrowserErrorPages(ViewsRendererLocator renderers) {
        this.renderers = renderers;
    }

    @ResponseFilter
    @SuppressWarnings({"rawtypes", "unchecked"})
    void render(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() < 400 || !response.getContentType().map(type -> type.getName().equals(PROBLEM))
                .orElse(false)) {
            return;
        }
        String[] message = switch (response.code()) {
            case 400 -> new String[] {"What was sent could not be read", "Fill in the form again."};
            case 404 -> new String[] {"There is no such page", "The address may be mistyped."};
            case 405, 415 -> new String[] {"This page cannot be used that way",
                    "Use the delist form, or the link from the email, in a web browser."};
            case 413, 414, 431 -> new String[] {"What was sent is too large", "Fill in the form again."};
            default -> new String[] {"Something went wrong", response.status().getReason() + "."};
        };
        Map<String, Object> model = Map.of("title", message[0], "text", message[1]);
        ViewsRenderer renderer = renderers.resolveViewsRenderer(VIEW, MediaType.TEXT_HTML, model).orElse(null);
        if (renderer == null) {
            return;
        }
        response.body(text(renderer.render(VIEW, model, request)));
        response.contentType(MediaType.TEXT_HTML_TYPE);
    }

    private static String text(Writable page) {
        StringWriter out = new StringWriter();
        try {
            page.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
