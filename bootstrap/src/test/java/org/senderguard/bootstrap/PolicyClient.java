package org.senderguard.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client of the Postfix policy server, speaking as Postfix does: {@code name=value} lines ended
 * by an empty line, answered by {@code action=...} and an empty line, over one TCP connection.
 */
final class PolicyClient implements AutoCloseable {

    /** A guard against a hang, not a measure: no answer in the tests takes more than a fraction of it. */
    private static final int READ_TIMEOUT_MILLIS = 120_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    PolicyClient() {
        try {
            socket = new Socket("127.0.0.1", TestApplication.policyPort());
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one request and returns its answer, e.g. {@code action=DUNNO}. */
    String ask(Map<String, String> attributes) {
        send(request(attributes));
        return answer();
    }

    /** The request's text: its attributes in their order, then the empty line. */
    static String request(Map<String, String> attributes) {
        StringBuilder text = new StringBuilder();
        attributes.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        return text.append('\n').toString();
    }

    void send(String text) {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    void send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #send(byte[])}, for a server that may close the connection while it is being written to. */
    void sendIgnoringClose(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException closedMeanwhile) {
            // What the test checks next.
        }
    }

    void shutdownOutput() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The next answer: its lines up to the empty line that ends it, without that line; null when the
     * server closed the connection before it.
     */
    String answer() {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            int previous = -1;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                if (b == '\n' && previous == '\n') {
                    String text = answer.toString(StandardCharsets.UTF_8);
                    return text.substring(0, text.length() - 1);
                }
                answer.write(b);
                previous = b;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server closed the connection: the next read finds its end (or a reset), not an answer. */
    boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (SocketException reset) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request as Postfix sends it at {@code state}, with the attributes a test cares about. */
    static Map<String, String> postfixRequest(String state, String instance, String saslLogin, String clientAddress,
                                              String sender, String recipient) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("request", "smtpd_access_policy");
        request.put("protocol_state", state);
        request.put("protocol_name", "ESMTP");
        request.put("helo_name", "client.example");
        request.put("queue_id", "");
        request.put("sender", sender);
        request.put("recipient", recipient);
        request.put("recipient_count", "0");
        request.put("client_address", clientAddress);
        request.put("client_name", "unknown");
        request.put("reverse_client_name", "unknown");
        request.put("instance", instance);
        request.put("sasl_method", saslLogin.isEmpty() ? "" : "PLAIN");
        request.put("sasl_username", saslLogin);
        request.put("sasl_sender", "");
        request.put("size", "0");
        request.put("ccert_subject", "");
        request.put("ccert_issuer", "");
        request.put("ccert_fingerprint", "");
        request.put("encryption_protocol", "TLSv1.3");
        request.put("encryption_cipher", "TLS_AES_256_GCM_SHA384");
        request.put("encryption_keysize", "256");
        request.put("etrn_domain", "");
        request.put("stress", "");
        request.put("server_address", "127.0.0.1");
        request.put("server_port", "587");
        request.put("policy_context", "");
        request.put("compatibility_level", "3.6");
        request.put("mail_version", "3.7.11");
        return request;
    }
}
