package org.senderguard.adapters.rest;

import io.micronaut.http.MediaType;
import io.micronaut.serde.annotation.Serdeable;

/** An RFC 9457 problem detail: every error this API answers has this shape. */
@Serdeable
public record Problem(String type, String title, int status, String detail) {

    public static final MediaType MEDIA_TYPE = MediaType.of("application/problem+json");
}
