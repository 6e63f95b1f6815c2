package org.senderguard.adapters.rest;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder.ErrorDataDecoderException;
import jakarta.inject.Singleton;

/**
 * A form body that is not validly URL-encoded ({@code %zz}) is the sender's mistake: 400, where the
 * framework let Netty's decoding error through as a 500 with a stack trace in the log.
 */
@Singleton
@Produces("application/problem+json")
public class MalformedFormHandler implements ExceptionHandler<ErrorDataDecoderException, HttpResponse<Problem>> {

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, ErrorDataDecoderException exception) {
        return HttpResponse.<Problem>badRequest(Problem.of(HttpStatus.BAD_REQUEST, "the form is not validly "
                + "URL-encoded: every % must be followed by two hex digits")).contentType(Problem.MEDIA_TYPE);
    }
}
