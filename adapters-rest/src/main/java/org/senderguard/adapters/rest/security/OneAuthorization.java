package org.senderguard.adapters.rest.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.senderguard.adapters.rest.Problem;

/**
 * Refuses a request with more than one Authorization header before security reads the first: a
 * proxy in front may check the other, and which key a request is made with must not depend on who
 * reads it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class OneAuthorization implements Ordered {

    static final String DETAIL = "a request may carry one Authorization header, not several";

    @RequestFilter
    @Nullable
    HttpResponse<Problem> refuseSeveral(HttpRequest<?> request) {
        if (request.getHeaders().getAll(HttpHeaders.AUTHORIZATION).size() < 2) {
            return null;
        }
        return HttpResponse.<Problem>badRequest(Problem.of(HttpStatus.BAD_REQUEST, DETAIL))
                .contentType(Problem.MEDIA_TYPE);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
