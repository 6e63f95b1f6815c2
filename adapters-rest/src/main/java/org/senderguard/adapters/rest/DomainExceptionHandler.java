package org.senderguard.adapters.rest;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.senderguard.domain.common.DomainException;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.common.InvalidValuesException;
import org.senderguard.domain.common.NotFoundException;
import org.senderguard.domain.common.TooManyRequestsException;

/** A rule of the domain said no: the caller gets the rule's own slug and message. */
@Singleton
@Produces("application/problem+json")
public class DomainExceptionHandler implements ExceptionHandler<DomainException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DomainException exception) {
        HttpStatus status = statusOf(exception);
        MutableHttpResponse<Problem> response = HttpResponse.<Problem>status(status)
                .body(new Problem(exception.type(), status.getReason(), status.getCode(), exception.getMessage()))
                .contentType(Problem.MEDIA_TYPE);
        if (exception instanceof TooManyRequestsException tooMany) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds(tooMany)));
        }
        return response;
    }

    /** Whole seconds, rounded up: a client that waits that long is not refused again. */
    private static long retryAfterSeconds(TooManyRequestsException exception) {
        return Math.max(1, exception.retryAfter().plusNanos(999_999_999).toSeconds());
    }

    private static HttpStatus statusOf(DomainException exception) {
        if (exception instanceof InvalidValueException || exception instanceof InvalidValuesException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (exception instanceof TooManyRequestsException) {
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        if (exception instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        return HttpStatus.CONFLICT;
    }
}
