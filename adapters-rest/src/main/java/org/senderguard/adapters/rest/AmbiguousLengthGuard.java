package org.senderguard.adapters.rest;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.http.server.netty.configuration.NettyHttpServerConfiguration;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpServerCodec;
import jakarta.inject.Singleton;

/**
 * Refuses a request that carries both {@code Transfer-Encoding: chunked} and {@code Content-Length}
 * (RFC 9112 section 6.3): a proxy in front may frame it by the one and this server by the other,
 * which smuggles a request past the proxy. Netty drops the Content-Length and reads chunks, so a
 * client that sent a plain body was never answered; now the request fails to decode, which the
 * server answers with 400 and by closing the connection.
 *
 * <p>Netty's hook for this case is a method of its request decoder, which Micronaut creates
 * inside its HTTP codec; the codec is therefore replaced by an equal one whose headers refuse to
 * lose their Content-Length to chunked framing.
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

    /** True for a request refused for this reason: the decoder kept both headers. */
    static boolean refused(HttpRequest<?> request) {
        return request.getHeaders().contains(HttpHeaderNames.TRANSFER_ENCODING.toString())
                && request.getHeaders().contains(HttpHeaderNames.CONTENT_LENGTH.toString());
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new CodecReplacer(null));
        return event.getBean();
    }

    private final class CodecReplacer implements NettyServerCustomizer {

        private final Channel channel;

        CodecReplacer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new CodecReplacer(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(CODEC) instanceof HttpServerCodec) {
                channel.pipeline().replace(CODEC, CODEC, new HttpServerCodec(decoderConfig));
            }
        }
    }

    private record HeadersFactory(DefaultHttpHeadersFactory defaults) implements HttpHeadersFactory {

        @Override
        public HttpHeaders newHeaders() {
            return new LengthKeepingHeaders(defaults);
        }

        @Override
        public HttpHeaders newEmptyHeaders() {
            return defaults.newEmptyHeaders();
        }
    }

    /** Headers whose Content-Length is not silently dropped for chunked framing. */
    private static final class LengthKeepingHeaders extends DefaultHttpHeaders {

        LengthKeepingHeaders(DefaultHttpHeadersFactory defaults) {
            super(defaults.getNameValidator(), defaults.getValueValidator());
        }

        @Override
        public HttpHeaders remove(CharSequence name) {
            if (HttpHeaderNames.CONTENT_LENGTH.contentEqualsIgnoreCase(name)
                    && contains(HttpHeaderNames.TRANSFER_ENCODING)) {
                throw new IllegalArgumentException(DETAIL);
            }
            return super.remove(name);
        }
    }
}
