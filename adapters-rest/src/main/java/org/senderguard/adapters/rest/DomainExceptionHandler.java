package org.senderguard.adapters.rest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
        return HttpResponse.<Problem>status(status)
                .body(new Problem(exception.type(), status.getReason(), status.getCode(), exception.getMessage()))
                .contentType(Problem.MEDIA_TYPE);
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
