package org.senderguard.adapters.rest;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.serde.annotation.Serdeable;

/** An RFC 9457 problem detail: every error this API answers has this shape. */
@Serdeable
public record Problem(String type, String title, int status, String detail) {

    public static final MediaType MEDIA_TYPE = MediaType.of("application/problem+json");

    /** The problem of a status whose type is the status itself (bad-request, internal-error, ...). */
    public static Problem of(HttpStatus status, String detail) {
        return new Problem(ProblemErrorResponseProcessor.slug(status.getCode()), status.getReason(), status.getCode(),
                detail);
    }
}
