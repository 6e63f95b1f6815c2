package org.senderguard.adapters.rest.mailflow;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.json.JsonMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;
import org.senderguard.adapters.rest.BlockListsLoadingHandler;
import org.senderguard.adapters.rest.DatabaseUnavailableHandler;
import org.senderguard.adapters.rest.DomainExceptionHandler;
import org.senderguard.adapters.rest.Problem;
import org.senderguard.adapters.rest.ProblemErrorResponseProcessor;
import org.senderguard.adapters.rest.SingleJsonDocumentReader;
import org.senderguard.adapters.rest.StreamPipelineCustomizer;
import org.senderguard.application.port.BlockListsLoadingException;
import org.senderguard.application.port.DatabaseUnavailableException;
import org.senderguard.application.port.in.AuthenticateApiKeyUseCase;
import org.senderguard.application.port.in.Caller;
import org.senderguard.application.port.in.DecideOutboundUseCase;
import org.senderguard.domain.apikey.Role;
import org.senderguard.domain.common.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/mail-flow/outbound} answered on Netty directly, beside the controller: the
 * framework's routing, filters and reactive plumbing were more than half of the server's time per
 * decision. It answers only what it can answer exactly as the controller would: a plain HTTP/1.1
 * keep-alive request with a JSON body of known length, a key held in memory whose role is mail
 * flow, and a body that the controller's JSON reader accepts. Everything else (a bad or unknown
 * key, bad JSON, chunked bodies, other versions) is handed on untouched to the framework, which
 * answers it as before. Once the message is read, its answer is the controller's: the same use
 * case, the same response body, and the same problem answers from the same exception handlers.
 */
@Singleton
public class OutboundRoute implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final String PATH = "/api/v1/mail-flow/outbound";
    /** A message's fields are short: a larger body goes the framework's way, up to its own limit. */
    static final int MOST_BODY_BYTES = 64 * 1024;
    private static final String HANDLER = "senderguard-outbound-route";
    /** Micronaut's HTTP/1.1 handler: this route sits before it and passes it what it does not answer. */
    private static final String MICRONAUT_HANDLER = "micronaut-inbound-handler";
    private static final String BEARER = "Bearer ";
    private static final Logger LOG = LoggerFactory.getLogger(OutboundRoute.class);

    private final AuthenticateApiKeyUseCase authenticate;
    private final DecideOutboundUseCase decideOutbound;
    private final JsonMapper json;
    private final DatabaseUnavailableHandler databaseUnavailable;
    private final BlockListsLoadingHandler blockListsLoading;
    private final DomainExceptionHandler domainException;
    private final LongAdder answered = new LongAdder();

    public OutboundRoute(AuthenticateApiKeyUseCase authenticate, DecideOutboundUseCase decideOutbound, JsonMapper json,
                         DatabaseUnavailableHandler databaseUnavailable, BlockListsLoadingHandler blockListsLoading,
                         DomainExceptionHandler domainException) {
        this.authenticate = authenticate;
        this.decideOutbound = decideOutbound;
        this.json = json;
        this.databaseUnavailable = databaseUnavailable;
        this.blockListsLoading = blockListsLoading;
        this.domainException = domainException;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        StreamPipelineCustomizer.register(event.getBean(), pipeline -> {
            if (pipeline.get(MICRONAUT_HANDLER) != null && pipeline.get(HANDLER) == null) {
                pipeline.addBefore(MICRONAUT_HANDLER, HANDLER, new OutboundConnection(this));
            }
        });
        return event.getBean();
    }

    /** Whether this route takes the request, judged by its head alone. */
    boolean takes(HttpRequest request) {
        HttpHeaders headers = request.headers();
        return request.decoderResult().isSuccess()
                && !(request instanceof HttpContent)
                && request.method().equals(HttpMethod.POST)
                && request.uri().equals(PATH)
                && request.protocolVersion().equals(HttpVersion.HTTP_1_1)
                && HttpUtil.isKeepAlive(request)
                && isJson(headers.get(HttpHeaderNames.CONTENT_TYPE))
                && acceptsJson(headers.get(HttpHeaderNames.ACCEPT))
                && hasSmallBody(request)
                && !headers.contains(HttpHeaderNames.TRANSFER_ENCODING)
                && !headers.contains(HttpHeaderNames.CONTENT_ENCODING)
                && !headers.contains(HttpHeaderNames.EXPECT)
                && isNoUpgrade(headers.get(HttpHeaderNames.UPGRADE))
                && headers.getAll(HttpHeaderNames.AUTHORIZATION).size() == 1;
    }

    /**
     * The decision for a request this route took, or empty when the framework is to answer it
     * instead (its key is not one held in memory for mail flow, or its body is not one the
     * controller would read). A message whose fields are not valid fails like a refused decision.
     */
    Optional<CompletableFuture<DecisionResponse>> decide(HttpRequest request, ByteBuf body) {
        Optional<Caller> caller = bearerToken(request).flatMap(authenticate::authenticateFromMemory)
                .filter(known -> known.role() == Role.MAIL_FLOW);
        if (caller.isEmpty()) {
            return Optional.empty();
        }
        OutboundRequest message;
        try {
            byte[] bytes = ByteBufUtil.getBytes(body);
            SingleJsonDocumentReader.requireOneDocument(bytes, OutboundRequest.class);
            message = json.readValue(bytes, Argument.of(OutboundRequest.class));
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
        if (message == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(decideOutbound.decide(message.command(caller.get())).thenApply(DecisionResponse::from));
        } catch (RuntimeException refused) {
            return Optional.of(CompletableFuture.failedFuture(refused));
        }
    }

    /** How many requests this route has answered itself since the server started. */
    public long answered() {
        return answered.sum();
    }

    FullHttpResponse answer(DecisionResponse decision) {
        answered.increment();
        return response(HttpStatus.OK, MediaType.APPLICATION_JSON_TYPE, decision, HttpHeaders.EMPTY_HEADERS);
    }

    /** The answer the controller's exception handlers give for {@code failure}. */
    FullHttpResponse failure(Throwable failure) {
        answered.increment();
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        HttpResponse<Problem> handled;
        if (cause instanceof BlockListsLoadingException loading) {
            handled = blockListsLoading.handle(null, loading);
        } else if (cause instanceof DatabaseUnavailableException unavailable) {
            handled = databaseUnavailable.handle(null, unavailable);
        } else if (cause instanceof DomainException refused) {
            handled = domainException.handle(null, refused);
        } else {
            LOG.error("Unexpected error deciding an outbound message", cause);
            HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
            return response(status, Problem.MEDIA_TYPE, Problem.of(status, ProblemErrorResponseProcessor.UNEXPECTED),
                    HttpHeaders.EMPTY_HEADERS);
        }
        DefaultHttpHeaders extra = new DefaultHttpHeaders();
        handled.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaderNames.CONTENT_TYPE.toString())) {
                extra.add(name, values);
            }
        });
        return response(handled.status(), handled.getContentType().orElse(Problem.MEDIA_TYPE),
                handled.body(), extra);
    }

    private FullHttpResponse response(HttpStatus status, MediaType type, Object body, HttpHeaders extra) {
        ByteBuf content;
        try {
            content = Unpooled.wrappedBuffer(json.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("a decision or problem is always written", e);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status.getCode()), content);
        response.headers().add(extra)
                .set(HttpHeaderNames.CONTENT_TYPE, type.toString())
                .set(HttpHeaderNames.DATE, DateFormatter.format(new Date()))
                .setInt(HttpHeaderNames.CONTENT_LENGTH, content.readableBytes());
        return response;
    }

    private static Optional<String> bearerToken(HttpRequest request) {
        String authorization = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        return authorization != null && authorization.startsWith(BEARER) && authorization.length() > BEARER.length()
                ? Optional.of(authorization.substring(BEARER.length())) : Optional.empty();
    }

    /** A body of known length, not empty and within {@link #MOST_BODY_BYTES}. */
    private static boolean hasSmallBody(HttpRequest request) {
        long length = HttpUtil.getContentLength(request, -1L);
        return length > 0 && length <= MOST_BODY_BYTES;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.strip().toLowerCase(Locale.ROOT);
        return type.equals(MediaType.APPLICATION_JSON) || type.equals(MediaType.APPLICATION_JSON + ";charset=utf-8")
                || type.equals(MediaType.APPLICATION_JSON + "; charset=utf-8");
    }

    /** An offer of HTTP/2 over cleartext is ignored by this HTTP/1.1 server, here as by the framework. */
    private static boolean isNoUpgrade(String upgrade) {
        return upgrade == null || upgrade.equalsIgnoreCase("h2c");
    }

    private static boolean acceptsJson(String accept) {
        return accept == null || accept.equals("*/*") || accept.equals(MediaType.APPLICATION_JSON);
    }
}
