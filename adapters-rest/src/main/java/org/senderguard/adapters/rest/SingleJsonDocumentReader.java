package org.senderguard.adapters.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.body.JsonMessageHandler;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * Reads a JSON body only when it is exactly one JSON document in which no object names a field
 * twice. Parsers disagree on {@code {"type":"IP","type":"URL"}} (the last wins here, the first
 * elsewhere) and on what follows a document, so a proxy, a log and this service could each read a
 * different request; such a body is refused instead. In the same pass, each field of the record the
 * body is bound to must have the JSON type of its Java type (see {@link JsonFieldTypes}): the
 * binding would otherwise turn {@code "yes"} into false. The body must be valid UTF-8 too. The
 * document is then read as before.
 */
@Singleton
@Order(JsonMessageHandler.ORDER - 1)
@Consumes(MediaType.APPLICATION_JSON)
public class SingleJsonDocumentReader<T> implements MessageBodyReader<T> {

    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** How every refusal of this reader begins, so that the error answer can show it as it is. */
    static final String REFUSED = "the request body must be one JSON document";
    private static final String DUPLICATE = "Duplicate field ";

    private final JsonMessageHandler<T> json;

    public SingleJsonDocumentReader(JsonMessageHandler<T> json) {
        this.json = json;
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        return json.isReadable(type, mediaType);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers httpHeaders, ByteBuffer<?> byteBuffer) {
        requireOneDocument(byteBuffer.toByteArray(), type.getType());
        return json.read(type, mediaType, httpHeaders, byteBuffer);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers httpHeaders, InputStream inputStream) {
        try {
            byte[] body = inputStream.readAllBytes();
            requireOneDocument(body, type.getType());
            return json.read(type, mediaType, httpHeaders, new ByteArrayInputStream(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns when the body is one document whose fields fit {@code type}, or when its first
     * document is no JSON (or too deeply nested): the JSON reader then says so as usual.
     */
    public static void requireOneDocument(byte[] body, Class<?> type) {
        requireUtf8(body);
        try (JsonParser parser = STRICT.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return;
            }
            if (first == JsonToken.START_OBJECT) {
                JsonFieldTypes.check(parser, type);
            } else if (type.isRecord()) {
                throw new CodecException(REFUSED + " that is an object, but it is " + JsonFieldTypes.kind(first));
            } else {
                parser.skipChildren();
            }
            if (!hasMore(parser)) {
                return;
            }
        } catch (JsonProcessingException e) {
            if (e.getOriginalMessage().startsWith(DUPLICATE)) {
                throw new CodecException(REFUSED + " that names each field once, but "
                        + e.getOriginalMessage().substring(DUPLICATE.length()) + " is named more than once");
            }
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new CodecException(REFUSED + ", but more follows it");
    }

    /**
     * JSON is UTF-8 (RFC 8259), and the parser decodes it leniently: the overlong {@code C0 AE} would
     * reach a check as '.', and {@code C0 BC} as '<', although no valid UTF-8 says either that way.
     */
    private static void requireUtf8(byte[] body) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(body);
        CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(in, CharBuffer.allocate(body.length), true);
        if (result.isError()) {
            throw new CodecException(REFUSED + " in UTF-8, but byte " + (in.position() + 1)
                    + " begins a sequence that is not UTF-8");
        }
    }

    private static boolean hasMore(JsonParser parser) throws IOException {
        try {
            return parser.nextToken() != null;
        } catch (JsonProcessingException notJson) {
            return true;
        }
    }
}
