package org.senderguard.adapters.postfix;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.senderguard.domain.common.FreeText;

/**
 * Gathers the lines of a connection (split by a line decoder, which also bounds a single line) into
 * policy requests: {@code name=value} lines ended by an empty line. A line that is not UTF-8, that
 * holds a control character, or that has no {@code =}, and a request longer than
 * {@link #MAX_REQUEST_BYTES} in total, fail the connection with a {@link PolicyProtocolException};
 * after that, nothing more is read from it. One instance per connection.
 */
final class PolicyRequestDecoder extends MessageToMessageDecoder<ByteBuf> {

    /** The most a single line, and a whole request, may hold; Postfix's requests are a few hundred bytes. */
    static final int MAX_REQUEST_BYTES = 64 * 1024;

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private Map<String, String> attributes = new HashMap<>();
    private int requestBytes;
    private boolean failed;

    PolicyRequestDecoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf line, List<Object> out) {
        if (failed) {
            return;
        }
        try {
            if (!line.isReadable()) {
                out.add(new PolicyRequest(attributes));
                attributes = new HashMap<>();
                requestBytes = 0;
                return;
            }
            requestBytes += line.readableBytes() + 1;
            if (requestBytes > MAX_REQUEST_BYTES) {
                throw new PolicyProtocolException("a request longer than " + MAX_REQUEST_BYTES + " bytes");
            }
            String text = text(line);
            int equals = text.indexOf('=');
            if (equals < 0) {
                throw new PolicyProtocolException("a line without '='");
            }
            if (equals == 0) {
                throw new PolicyProtocolException("a line without an attribute name");
            }
            String name = text.substring(0, equals);
            // Postfix names each attribute once: which of two values would count is anyone's guess.
            if (attributes.putIfAbsent(name, text.substring(equals + 1)) != null) {
                throw new PolicyProtocolException("the attribute " + FreeText.quoted(name) + " twice in a request");
            }
        } catch (PolicyProtocolException e) {
            failed = true;
            attributes = Map.of();
            throw e;
        }
    }

    private String text(ByteBuf line) {
        ByteBuffer bytes = line.nioBuffer();
        CharBuffer chars;
        try {
            chars = utf8.reset().decode(bytes);
        } catch (CharacterCodingException e) {
            throw new PolicyProtocolException("bytes that are not UTF-8 text");
        }
        for (int i = 0; i < chars.length(); i++) {
            if (Character.isISOControl(chars.charAt(i))) {
                throw new PolicyProtocolException("a control character (U+%04X) in a line".formatted((int) chars.charAt(i)));
            }
        }
        return chars.toString();
    }

    /** A request cut off by the end of the input is dropped: it was never complete. */
    boolean hasPartialRequest() {
        return !failed && requestBytes > 0;
    }
}
