package org.senderguard.adapters.rest;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpServerCodec;
import jakarta.inject.Singleton;

/**
 * Refuses a request that carries both {@code Transfer-Encoding} and {@code Content-Length} (RFC 9112
 * section 6.3): a proxy in front may frame it by the one and this server by the other, which
 * smuggles a request past the proxy. Netty drops the Content-Length of a chunked HTTP/1.1 request
 * and reads chunks, so a client that sent a plain body was never answered (nor was one with
 * HTTP/1.0 or another coding); now the request fails to decode, which the server answers with 400
 * and by closing the connection.
 *
 * <p>Micronaut creates Netty's request decoder inside its HTTP codec, so the codec is replaced by
 * an equal one whose request headers refuse to hold both fields as the decoder adds them.
 */
@Singleton
public class AmbiguousLengthGuard implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final String CODEC = "http-server-codec";
    static final String DETAIL = "a request may not carry both Transfer-Encoding and Content-Length";

    private final HttpDecoderConfig decoderConfig;

    public AmbiguousLengthGuard(NettyHttpServerConfiguration server) {
        DefaultHttpHeadersFactory headers = DefaultHttpHeadersFactory.headersFactory()
                .withValidation(server.isValidateHeaders());
        this.decoderConfig = new HttpDecoderConfig()
                .setMaxInitialLineLength(server.getMaxInitialLineLength())
                .setMaxHeaderSize(server.getMaxHeaderSize())
                .setMaxChunkSize(server.getMaxChunkSize())
                .setInitialBufferSize(server.getInitialBufferSize())
                .setHeadersFactory(new HeadersFactory(headers));
    }

    /** True for a request refused for this reason: the decoder stopped with both headers. */
    static boolean refused(HttpRequest<?> request) {
        return request.getHeaders().contains(HttpHeaderNames.TRANSFER_ENCODING.toString())
                && request.getHeaders().contains(HttpHeaderNames.CONTENT_LENGTH.toString());
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        StreamPipelineCustomizer.register(event.getBean(), pipeline -> {
            if (pipeline.get(CODEC) instanceof HttpServerCodec) {
                pipeline.replace(CODEC, CODEC, new HttpServerCodec(decoderConfig));
            }
        });
        return event.getBean();
    }

    private record HeadersFactory(DefaultHttpHeadersFactory defaults) implements HttpHeadersFactory {

        @Override
        public HttpHeaders newHeaders() {
            return new SingleFramingHeaders(defaults);
        }

        @Override
        public HttpHeaders newEmptyHeaders() {
            return defaults.newEmptyHeaders();
        }
    }

    /** Request headers that hold one way of framing the body, not two. */
    private static final class SingleFramingHeaders extends DefaultHttpHeaders {

        SingleFramingHeaders(DefaultHttpHeadersFactory defaults) {
            super(defaults.getNameValidator(), defaults.getValueValidator());
        }

        @Override
        public HttpHeaders add(CharSequence name, Object value) {
            super.add(name, value);
            if (contains(HttpHeaderNames.TRANSFER_ENCODING) && contains(HttpHeaderNames.CONTENT_LENGTH)) {
                throw new IllegalArgumentException(DETAIL);
            }
            return this;
        }
    }
}
