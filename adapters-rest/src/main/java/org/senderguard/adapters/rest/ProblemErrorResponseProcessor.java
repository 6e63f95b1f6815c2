package org.senderguard.adapters.rest;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.stream.Collectors;

/**
 * Gives every error the framework produces (401 and 403 from security, 404, 405, 413, 415, bad
 * JSON, unexpected failures) a problem+json body. Failures on the server's side never show their
 * message: that is for the log, not the caller.
 */
@Singleton
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        MutableHttpResponse<Problem> problemResponse = (MutableHttpResponse<Problem>) response;
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return problemResponse;
        }
        int status = response.code();
        String title = response.status().getReason();
        return problemResponse.body(new Problem(slug(status), title, status, detail(context, status, title)))
                .contentType(Problem.MEDIA_TYPE);
    }

    private static String detail(ErrorContext context, int status, String title) {
        if (status >= 500) {
            return "An unexpected error occurred; the server log has the details.";
        }
        return switch (status) {
            case 401 -> "A valid API key is required: send 'Authorization: Bearer <key>'.";
            case 403 -> "This API key's role is not allowed to do this.";
            default -> context.hasErrors()
                    ? context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "))
                    : title;
        };
    }

    static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        };
    }
}
