package org.senderguard.adapters.rest;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.senderguard.application.port.DatabaseUnavailableException;

/**
 * The database is away or too slow: 503 with Retry-After, so that mail flow sends the message again
 * (a repeat is answered with the decision recorded for it, if one was, and counted once). The
 * outage itself is logged once where it is noticed, not per request.
 */
@Singleton
@Produces("application/problem+json")
public class DatabaseUnavailableHandler
        implements ExceptionHandler<DatabaseUnavailableException, HttpResponse<Problem>> {

    static final String TYPE = "database-unavailable";
    /** A few seconds: long enough not to hammer a database that is coming back, short for mail flow. */
    static final int RETRY_AFTER_SECONDS = 5;

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DatabaseUnavailableException exception) {
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        return HttpResponse.<Problem>status(status)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
                .body(new Problem(TYPE, status.getReason(), status.getCode(),
                        "The service cannot reach its database right now, so this request was not answered. Send "
                                + "it again in a few seconds; a message sent again is counted once."))
                .contentType(Problem.MEDIA_TYPE);
    }
}
