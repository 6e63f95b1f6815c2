package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.senderguard.adapters.rest.mailflow.OutboundRoute;

/**
 * {@code POST /api/v1/mail-flow/outbound} is answered on Netty directly when it can be (the
 * route); the same request with a query string goes the framework's way (the controller). Both
 * must answer alike, and answers must leave a connection in the order of its requests.
 */
class OutboundRouteTest {

    private static final String PATH = "/api/v1/mail-flow/outbound";

    private final TenantClient tenant = new TenantClient();
    private final OutboundRoute route = TestApplication.context().getBean(OutboundRoute.class);

    /**
     * A key is held in memory once it has been used, until the change feed reports a change: the
     * tenant and keys just made through the CLI, and the default policy that the tenant's first
     * message creates, reach this server by the feed within about half a second and empty what it
     * holds. Only a key held takes the route: use it until it does, once more after the feed has
     * caught up with those changes.
     */
    @BeforeEach
    void useTheKeyUntilItIsHeld() throws InterruptedException {
        useUntilTheRouteAnswers();
        Thread.sleep(1_500);
        useUntilTheRouteAnswers();
    }

    private void useUntilTheRouteAnswers() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        long before;
        do {
            Thread.sleep(50);
            before = route.answered();
            assertThat(tenant.outbound(tenant.user("first"), List.of("someone@example.org"), "CLEAN").status())
                    .isEqualTo(200);
        } while (route.answered() == before && System.nanoTime() < deadline);
        assertThat(route.answered()).as("the key is held in memory").isGreaterThan(before);
    }

    @Test
    void theRouteAnswersAsTheControllerDoes() {
        String sender = tenant.user("alike");
        record Case(String body, boolean routeAnswers) {
        }
        List<Case> cases = List.of(
                new Case(message(sender, "\"CLEAN\""), true),
                new Case(message(sender, "\"SPAM\""), true),
                new Case(message("not an address", "\"CLEAN\""), true),
                new Case(message(sender, "\"MAYBE\""), true),
                new Case("{\"messageId\":\"<%s@x>\",\"sender\":\"" + sender + "\",\"recipients\":\"a@example.org\"}",
                        false),
                new Case("{\"messageId\":\"<%s@x>\",\"messageId\":\"<other@x>\"}", false),
                new Case("{\"messageId\":\"<%s@x>\"} {}", false),
                new Case("{\"messageId\":", false),
                new Case("null", false),
                new Case("{}", true));
        for (Case c : cases) {
            long before = route.answered();
            Http.Response direct = post(PATH, tenant.mailFlow, c.body().formatted(UUID.randomUUID()));
            assertThat(route.answered() - before).as("answered by the route: " + c.body())
                    .isEqualTo(c.routeAnswers() ? 1 : 0);
            long between = route.answered();
            Http.Response framework = post(PATH + "?via=framework", tenant.mailFlow,
                    c.body().formatted(UUID.randomUUID()));
            assertThat(route.answered()).as("a query string goes to the controller").isEqualTo(between);
            assertThat(direct).as(c.body()).isEqualTo(framework);
        }
    }

    @Test
    void aKeyNotAllowedMailFlowIsRefusedAsBefore() {
        long before = route.answered();
        Http.Response reader = post(PATH, tenant.reader, message(tenant.user("r"), "\"CLEAN\"").formatted("r"));
        Http.Response unknown = post(PATH, "sg_0000000000000000_unknown", message(tenant.user("u"), "\"CLEAN\"")
                .formatted("u"));
        assertThat(reader.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.contentType()).isEqualTo("application/problem+json");
        assertThat(route.answered()).isEqualTo(before);
    }

    /** Five requests in one write, the route's and the framework's mixed: five answers, in their order. */
    @Test
    void pipelinedRequestsAreAnsweredInTheirOrder() throws IOException {
        URI server = TestApplication.uri("/");
        String sender = tenant.user("pipelined");
        List<String> requests = List.of(
                outboundRequest(tenant.mailFlow, message(sender, "\"CLEAN\"").formatted("p1")),
                outboundRequest(tenant.mailFlow, message(sender, "\"SPAM\"").formatted("p2")),
                "GET /api/v1/tenant HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + tenant.mailFlow
                        + "\r\n\r\n",
                outboundRequest("sg_0000000000000000_unknown", message(sender, "\"CLEAN\"").formatted("p3")),
                outboundRequest(tenant.mailFlow, message("bad address", "\"CLEAN\"").formatted("p4")));
        long before = route.answered();
        List<String> answers = new ArrayList<>();
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(String.join("", requests).getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < requests.size(); i++) {
                answers.add(readResponse(in));
            }
        }
        assertThat(answers.get(0)).startsWith("200 ").contains("\"action\":\"DELIVER\"");
        assertThat(answers.get(1)).startsWith("200 ").contains("\"action\":\"DELIVER_HIGH_RISK_POOL\"");
        assertThat(answers.get(2)).startsWith("200 ").contains("\"name\":\"" + tenant.name + "\"");
        assertThat(answers.get(3)).startsWith("401 ").contains("\"type\":\"unauthorized\"");
        assertThat(answers.get(4)).startsWith("400 ").contains("bad address");
        // The first two reach a connection that owes nothing from the framework: the second waits for
        // the first's answer; the last is the route's only if the framework has answered the two before it.
        assertThat(route.answered() - before).as("answered by the route").isBetween(2L, 3L);
    }

    /** Requests the route leaves to the framework, whole: a chunked body, Expect, HTTP/1.0, a closing connection. */
    @Test
    void requestsOfOtherShapesAreTheFrameworksToAnswer() throws IOException {
        String body = message(tenant.user("shapes"), "\"CLEAN\"");
        String head = "POST " + PATH + " %s\r\nHost: localhost\r\nAuthorization: Bearer " + tenant.mailFlow
                + "\r\nContent-Type: application/json\r\n";
        String chunk = body.formatted("chunked");
        List<String> requests = List.of(
                head.formatted("HTTP/1.1") + "Transfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(chunk.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + chunk
                        + "\r\n0\r\n\r\n",
                head.formatted("HTTP/1.1") + "Expect: 100-continue\r\n" + length(body.formatted("expect")),
                head.formatted("HTTP/1.0") + length(body.formatted("http10")),
                head.formatted("HTTP/1.1") + "Connection: close\r\n" + length(body.formatted("close")));
        for (String request : requests) {
            long before = route.answered();
            String answer;
            try (Socket socket = new Socket(TestApplication.uri("/").getHost(), TestApplication.uri("/").getPort())) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
                answer = readResponse(socket.getInputStream());
                if (answer.startsWith("100 ")) {
                    answer = readResponse(socket.getInputStream());
                }
            }
            assertThat(answer).as(request).startsWith("200 ").contains("\"action\":\"DELIVER\"");
            assertThat(route.answered()).as(request).isEqualTo(before);
        }
    }

    private static String length(String body) {
        return "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    private static String message(String sender, String verdict) {
        return "{\"messageId\":\"<%s@route.example>\",\"sender\":\"" + sender
                + "\",\"recipients\":[\"someone@example.org\"],\"verdict\":" + verdict + "}";
    }

    private static Http.Response post(String path, String key, String body) {
        return Http.send("POST", path, key, "application/json", body);
    }

    private static String outboundRequest(String key, String body) {
        return "POST " + PATH + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** One HTTP/1.1 response with a Content-Length, as "status reason\nbody". */
    private static String readResponse(InputStream in) throws IOException {
        String statusLine = line(in);
        int length = 0;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(header.substring("content-length:".length()).strip());
            }
        }
        byte[] body = in.readNBytes(length);
        return statusLine.substring(statusLine.indexOf(' ') + 1) + "\n" + new String(body, StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed mid-response");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
