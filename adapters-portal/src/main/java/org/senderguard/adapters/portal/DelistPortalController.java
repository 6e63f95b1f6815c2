package org.senderguard.adapters.portal;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.senderguard.application.port.in.ConfirmDelistUseCase;
import org.senderguard.application.port.in.DelistLinkCommand;
import org.senderguard.application.port.in.DelistReview;
import org.senderguard.application.port.in.RequestDelistLinkUseCase;
import org.senderguard.domain.common.ConflictException;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.common.InvalidValuesException;
import org.senderguard.domain.common.NotFoundException;
import org.senderguard.domain.common.TooManyRequestsException;

/**
 * The delist portal's pages: the form ({@code GET/POST /delist}) and the confirmation reached
 * through the mailed link ({@code GET/POST /delist/confirm}). Plain HTML forms, no JavaScript.
 * Every page that holds a form carries the CSRF token; every echoed value is escaped by Thymeleaf.
 */
@Controller("/delist")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Produces(MediaType.TEXT_HTML)
class DelistPortalController {

    /** "Please try again in a few minutes", when no confirmation email could be sent. */
    private static final String MAIL_RETRY_AFTER_SECONDS = "300";

    private final RequestDelistLinkUseCase links;
    private final ConfirmDelistUseCase confirmations;
    private final PortalCsrf csrf;
    private final ClientAddress clientAddress;

    DelistPortalController(RequestDelistLinkUseCase links, ConfirmDelistUseCase confirmations, PortalCsrf csrf,
                           ClientAddress clientAddress) {
        this.links = links;
        this.confirmations = confirmations;
        this.csrf = csrf;
        this.clientAddress = clientAddress;
    }

    /** {@code ip}: filled in from the link in a rejection's NDR. */
    @Get
    MutableHttpResponse<?> form(HttpRequest<?> request, @Nullable @QueryValue String ip) {
        return form(request, HttpStatus.OK, "", ip == null ? "" : ip, Map.of());
    }

    @Post
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> requestLink(HttpRequest<?> request, @Nullable String email, @Nullable String ip,
                                       @Nullable String csrf) {
        if (!this.csrf.accepts(request, csrf)) {
            return expiredForm(request);
        }
        String givenEmail = email == null ? "" : email;
        String givenIp = ip == null ? "" : ip;
        try {
            boolean mailed = links.requestLink(DelistLinkCommand.of(givenEmail, givenIp, clientAddress.of(request)));
            return mailed ? page(HttpStatus.OK, "sent", Map.of("email", givenEmail.strip()))
                    : message(HttpStatus.SERVICE_UNAVAILABLE, "We could not send the confirmation email",
                    "Please try again in a few minutes.").header(HttpHeaders.RETRY_AFTER, MAIL_RETRY_AFTER_SECONDS);
        } catch (InvalidValuesException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(error -> errors.put(error.field(), sentence(error)));
            return form(request, HttpStatus.BAD_REQUEST, givenEmail, givenIp, errors);
        } catch (TooManyRequestsException e) {
            long minutes = Math.max(1, (e.retryAfter().toSeconds() + 59) / 60);
            return message(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", capitalised(e.getMessage())
                    + " (in about " + minutes + (minutes == 1 ? " minute)." : " minutes)."))
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds()));
        }
    }

    @Get("/confirm")
    MutableHttpResponse<?> review(HttpRequest<?> request, @Nullable @QueryValue String token) {
        return linked(() -> {
            DelistReview review = confirmations.preview(token);
            String csrfToken = csrf.tokenFor(request);
            Map<String, Object> model = reviewModel(review, false);
            model.put("token", token);
            model.put("csrf", csrfToken);
            return csrf.withCookie(request, page(HttpStatus.OK, "review", model), csrfToken);
        });
    }

    @Post("/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> confirm(HttpRequest<?> request, @Nullable String token, @Nullable String csrf) {
        if (!this.csrf.accepts(request, csrf)) {
            return message(HttpStatus.FORBIDDEN, "This page has expired",
                    "Open the link from the email again and press \"Delist IP\".");
        }
        return linked(() -> page(HttpStatus.OK, "done", reviewModel(confirmations.confirm(token), true)));
    }

    /** Runs a step behind a mailed link: a bad, used or expired link gets a page that says so. */
    private MutableHttpResponse<?> linked(Supplier<MutableHttpResponse<?>> step) {
        try {
            return step.get();
        } catch (NotFoundException e) {
            return message(HttpStatus.NOT_FOUND, "This link is not valid", capitalised(e.getMessage()) + ".");
        } catch (ConflictException e) {
            return message(HttpStatus.GONE, e.type().equals("link-expired") ? "This link has expired"
                    : "This link has been used", capitalised(e.getMessage()) + ".");
        }
    }

    private Map<String, Object> reviewModel(DelistReview review, boolean done) {
        PlanLines lines = PlanLines.of(review, done);
        Map<String, Object> model = new HashMap<>();
        model.put("email", review.request().address().value());
        model.put("ip", review.request().ip());
        model.put("delisted", lines.delisted());
        model.put("refused", lines.refused());
        model.put("nothingListed", lines.isEmpty());
        model.put("ipCleared", review.plan().clearsIp());
        model.put("contact", review.supportContact());
        return model;
    }

    private MutableHttpResponse<?> form(HttpRequest<?> request, HttpStatus status, String email, String ip,
                                        Map<String, String> errors) {
        String token = csrf.tokenFor(request);
        Map<String, Object> model = new HashMap<>();
        model.put("email", email);
        model.put("ip", ip);
        model.put("errors", errors);
        model.put("csrf", token);
        return csrf.withCookie(request, page(status, "form", model), token);
    }

    private MutableHttpResponse<?> expiredForm(HttpRequest<?> request) {
        return form(request, HttpStatus.FORBIDDEN, "", "",
                Map.of("form", "This form had expired. Please fill it in again and send it."));
    }

    private static MutableHttpResponse<?> message(HttpStatus status, String title, String text) {
        return page(status, "message", Map.of("title", title, "text", text));
    }

    private static MutableHttpResponse<?> page(HttpStatus status, String view, Map<String, ?> model) {
        return HttpResponse.status(status).body(new ModelAndView<>("delist/" + view, model));
    }

    /** "email: 'x' is not ..." becomes "'x' is not ...", for a message shown next to its field. */
    private static String sentence(InvalidValueException error) {
        String message = error.getMessage();
        String prefix = error.field() + ": ";
        return capitalised(message.startsWith(prefix) ? message.substring(prefix.length()) : message);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
