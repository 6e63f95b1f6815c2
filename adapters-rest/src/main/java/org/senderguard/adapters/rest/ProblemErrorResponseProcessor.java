package org.senderguard.adapters.rest;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gives every error the framework produces (401 and 403 from security, 404, 405, 413, 414, 415, 431, bad
 * JSON, unexpected failures) a problem+json body. Failures on the server's side never show their
 * message: that is for the log, not the caller.
 */
@Singleton
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    /** What a failure on the server's side tells the caller. */
    public static final String UNEXPECTED = "An unexpected error occurred; the server log has the details.";

    private static final String NO_SUCH_PROBE =
            "no such health probe: there are /health, /health/liveness and /health/readiness";
    private static final Pattern PROPERTY = Pattern.compile("property \\[(?:[^\\]]* )?(\\w+)\\]");
    private static final Pattern ARGUMENT = Pattern.compile("Failed to convert argument \\[(\\w+)\\]");
    private static final Pattern LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        MutableHttpResponse<Problem> problemResponse = (MutableHttpResponse<Problem>) response;
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return problemResponse;
        }
        tooLongPart(context).ifPresent(problemResponse::status);
        boolean unknownProbe = unknownProbe(context, problemResponse.code());
        if (unknownProbe) {
            problemResponse.status(HttpStatus.NOT_FOUND);
        }
        int status = problemResponse.code();
        String title = problemResponse.status().getReason();
        if (status == 401) {
            problemResponse.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer"); // what to send instead (RFC 9110, 11.6.1)
        }
        String detail = unknownProbe ? NO_SUCH_PROBE : detail(context, status, title);
        return problemResponse.body(new Problem(slug(status), title, status, detail)).contentType(Problem.MEDIA_TYPE);
    }

    /**
     * The framework answers 413 for any part of a request over its limit; a request line or headers
     * that are too long have answers of their own (RFC 9110 15.5.15, RFC 6585 5).
     */
    private static Optional<HttpStatus> tooLongPart(ErrorContext context) {
        if (!(context.getRequest() instanceof NettyHttpRequest<?> request)) {
            return Optional.empty();
        }
        Throwable cause = request.getNativeRequest().decoderResult().cause();
        if (cause instanceof TooLongHttpLineException) {
            return Optional.of(HttpStatus.REQUEST_URI_TOO_LONG);
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return Optional.of(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
        }
        return Optional.empty();
    }

    /**
     * /health/{probe} takes liveness and readiness; the framework answers any other word as a bad
     * value of its selector argument, 400, where it is a page that does not exist.
     */
    private static boolean unknownProbe(ErrorContext context, int status) {
        return status == 400 && context.getRequest().getPath().startsWith("/health/") && context.getErrors().stream()
                .anyMatch(error -> String.valueOf(error.getMessage()).startsWith("Failed to convert argument [selector]"));
    }

    private static String detail(ErrorContext context, int status, String title) {
        if (status >= 500) {
            return UNEXPECTED;
        }
        if (status == 414) {
            return "the request line (method, URL and its query) is too long";
        }
        if (status == 431) {
            return "the request's headers are too long";
        }
        if (status == 400 && AmbiguousLengthGuard.refused(context.getRequest())) {
            return AmbiguousLengthGuard.DETAIL;
        }
        return switch (status) {
            case 401 -> "A valid API key is required: send 'Authorization: Bearer <key>'.";
            case 403 -> "This API key's role is not allowed to do this.";
            default -> context.hasErrors()
                    ? context.getErrors().stream().map(ProblemErrorResponseProcessor::readable).distinct()
                            .collect(Collectors.joining("; "))
                    : title;
        };
    }

    /**
     * The framework's messages for unreadable input quote parser internals; say instead, in plain
     * words, which field was wrong.
     */
    static String readable(Error error) {
        String message = error.getMessage() == null ? "" : error.getMessage();
        if (message.startsWith("Invalid JSON")) {
            return "the request body is not valid JSON";
        }
        if (message.startsWith("Required Body")) {
            return "a JSON request body is required";
        }
        int refused = message.indexOf(SingleJsonDocumentReader.REFUSED);
        if (refused >= 0) {
            return message.substring(refused);
        }
        Matcher wrongType = JsonFieldTypes.REFUSAL.matcher(message);
        if (wrongType.find()) {
            return wrongType.group();
        }
        Matcher property = PROPERTY.matcher(message);
        if (property.find()) {
            return "field '" + property.group(1) + "' has a value of the wrong type";
        }
        Matcher argument = ARGUMENT.matcher(message);
        if (argument.find()) {
            Matcher location = LOCATION.matcher(message);
            return argument.group(1).equals("body")
                    ? "a value in the request body has the wrong type" + (location.find()
                            ? " (line " + location.group(1) + ", column " + location.group(2) + ")" : "")
                    : "'" + argument.group(1) + "' has a value of the wrong type";
        }
        return message;
    }

    public static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 431 -> "request-header-fields-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        };
    }
}
