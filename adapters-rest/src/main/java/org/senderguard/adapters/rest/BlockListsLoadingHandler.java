package org.senderguard.adapters.rest;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.senderguard.application.port.BlockListsLoadingException;

/** The server is starting and its block lists are not loaded yet: 503 with Retry-After, as for an outage. */
@Singleton
@Produces("application/problem+json")
public class BlockListsLoadingHandler implements ExceptionHandler<BlockListsLoadingException, HttpResponse<Problem>> {

    static final String TYPE = "starting";

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, BlockListsLoadingException exception) {
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        return HttpResponse.<Problem>status(status)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailableHandler.RETRY_AFTER_SECONDS))
                .body(new Problem(TYPE, status.getReason(), status.getCode(),
                        "The service is starting and has not loaded its block lists yet, so this request was not "
                                + "answered. Send it again in a few seconds."))
                .contentType(Problem.MEDIA_TYPE);
    }
}
