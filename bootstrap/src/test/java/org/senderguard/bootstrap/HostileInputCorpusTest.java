package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input corpus ({@code hostile/corpus.jsonl}) against the whole application: REST, the
 * delist portal, raw HTTP, the operator CLI and CSV import. Whatever a case sends, the answer is
 * never a server error and never shows internals (a stack trace, an exception, a class name); a
 * refused case is a client error (problem+json on the API, exit 2 with one line on the CLI) and
 * leaves no row new or changed in the database.
 */
class HostileInputCorpusTest {

    private static final List<String> INTERNALS = List.of("Exception", "org.senderguard", "java.", "\tat ",
            "Caused by", "io.micronaut", "io.netty", "com.fasterxml");
    private static final JsonFactory ESCAPING = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static TenantClient tenant;

    static Stream<HostileCase> corpus() {
        return HostileCase.corpus().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isAnsweredWithoutInternalsAndARefusalStoresNothing(HostileCase written) throws IOException {
        Assumptions.assumeTrue(written.get("pending") == null, () -> "pending: " + written.get("pending"));
        HostileCase hostile = written.resolved(placeholders());
        StoredRows before = StoredRows.now();

        Answer answer = switch (hostile.area()) {
            case "rest" -> rest(hostile);
            case "portal" -> portal(hostile);
            case "http" -> raw(hostile.string("raw"));
            case "cli" -> cli(hostile.get("args"));
            case "csv" -> csv(hostile);
            default -> throw new IllegalArgumentException("unknown area " + hostile.area());
        };

        String shown = hostile.id() + " answered " + answer;
        assertThat(INTERNALS).as(shown).noneMatch(answer.text()::contains);
        boolean command = hostile.area().equals("cli") || hostile.area().equals("csv");
        if (command) {
            assertThat(answer.status()).as(shown).isIn(0, 2);
        } else {
            assertThat(answer.status()).as(shown).isLessThan(500);
        }
        if (hostile.area().equals("rest") && answer.status() >= 400) {
            assertThat(answer.contentType()).as(shown).startsWith("application/problem+json");
        }
        if (hostile.area().equals("portal")) {
            assertThat(answer.text()).as("everything echoed is escaped: " + shown).doesNotContain("<script");
        }
        switch (hostile.expect()) {
            case "refused" -> {
                if (command) {
                    assertThat(answer.status()).as(shown).isEqualTo(2);
                    assertThat(answer.detail().lines()).as(shown).hasSizeBetween(1, maxErrorLines(hostile))
                            .allMatch(line -> line.startsWith("senderguard: "));
                } else {
                    assertThat(answer.status()).as(shown).isBetween(hostile.area().equals("http") ? 0 : 400, 499);
                }
                assertThat(before.addedIn(StoredRows.now())).as("stored from a refused request: " + shown).isEmpty();
            }
            case "accepted" -> assertThat(answer.status()).as(shown).isBetween(command ? 0 : 200, command ? 0 : 299);
            case "answered" -> { }
            default -> throw new IllegalArgumentException("unknown expectation " + hostile.expect());
        }
        if (hostile.get("status") != null) {
            assertThat(answer.status()).as(shown).isEqualTo(((Number) hostile.get("status")).intValue());
        }
        if (hostile.string("detail") != null) {
            assertThat(answer.detail()).as(shown).contains(hostile.string("detail"));
        }
    }

    /** A command says what is wrong in one line; an import names up to 20 bad rows, a line each, and sums up. */
    private static int maxErrorLines(HostileCase hostile) {
        return hostile.area().equals("csv") ? 21 : 1;
    }

    /** What came back: an HTTP status (0: closed without an answer) or a CLI exit code, and what to look at. */
    record Answer(int status, String contentType, String text, String detail) {

        @Override
        public String toString() {
            return status + " " + contentType + " " + (text.length() > 600 ? text.substring(0, 600) + "..." : text);
        }
    }

    private static Answer rest(HostileCase hostile) throws IOException {
        String key = switch (hostile.string("key")) {
            case "admin" -> tenant().admin;
            case "reader" -> tenant().reader;
            case "mailFlow" -> tenant().mailFlow;
            default -> null;
        };
        byte[] body = body(hostile);
        HttpRequest.Builder request = Http.request(hostile.string("path"), key);
        if (body != null) {
            request.header("Content-Type", hostile.get("contentType") != null ? hostile.string("contentType")
                    : "application/json");
        }
        @SuppressWarnings("unchecked")
        Map<String, String> headers = (Map<String, String>) hostile.get("headers");
        if (headers != null) {
            headers.forEach(request::setHeader);
        }
        Http.Response response = Http.send(request.method(hostile.string("method"), body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body)).build());
        String detail = response.contentType().startsWith("application/problem+json")
                ? String.valueOf(response.json().get("detail")) : response.body();
        return new Answer(response.status(), response.contentType(), response.body(), detail);
    }

    private static byte[] body(HostileCase hostile) throws IOException {
        if (hostile.fields().containsKey("json")) {
            StringWriter json = new StringWriter();
            try (JsonGenerator out = ESCAPING.createGenerator(json)) {
                write(out, hostile.get("json"));
            }
            return json.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (hostile.get("body") != null) {
            return hostile.string("body").getBytes(StandardCharsets.UTF_8);
        }
        return hostile.get("bodyHex") == null ? null : HexFormat.of().parseHex(hostile.string("bodyHex"));
    }

    /** JSON with every non-ASCII character escaped, so that a lone surrogate is sent as the escape it is. */
    private static void write(JsonGenerator out, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> field : map.entrySet()) {
                out.writeFieldName((String) field.getKey());
                write(out, field.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof List<?> list) {
            out.writeStartArray();
            for (Object element : list) {
                write(out, element);
            }
            out.writeEndArray();
        } else if (value instanceof String text) {
            out.writeString(text);
        } else if (value instanceof Number number) {
            out.writeNumber(number.toString());
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else {
            out.writeNull();
        }
    }

    private static Answer portal(HostileCase hostile) {
        PortalBrowser browser = new PortalBrowser("10." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255));
        @SuppressWarnings("unchecked")
        Map<String, String> form = (Map<String, String>) hostile.get("form");
        String path = hostile.get("path") == null ? "/delist" : hostile.string("path");
        HttpResponse<String> response;
        if (form == null) {
            response = browser.get(path);
        } else {
            Map<String, String> fields = new HashMap<>(form);
            fields.putIfAbsent("csrf", PortalBrowser.csrfOf(browser.get("/delist").body()));
            response = browser.post(path, fields);
        }
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), response.body());
    }

    /** Sends a request as written on a fresh connection and reads until the server closes it (at most 5 s). */
    private static Answer raw(String request) throws IOException {
        URI server = TestApplication.uri("/");
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.getInputStream().transferTo(answer);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("not answered and closed within 5 s: " + answer.toString(StandardCharsets.UTF_8));
        }
        String text = answer.toString(StandardCharsets.UTF_8);
        int status = text.matches("(?s)HTTP/1\\.[01] \\d{3}.*") ? Integer.parseInt(text.substring(9, 12)) : 0;
        return new Answer(status, "", text, text);
    }

    @SuppressWarnings("unchecked")
    private static Answer cli(Object args) {
        TestApplication.CliResult result = TestApplication.cli(((List<String>) args).toArray(String[]::new));
        return new Answer(result.exitCode(), "", result.out() + result.err(), result.err());
    }

    private static Answer csv(HostileCase hostile) throws IOException {
        Path file = Files.createTempFile("hostile-", ".csv");
        try {
            Files.write(file, hostile.get("csvHex") != null ? HexFormat.of().parseHex(hostile.string("csvHex"))
                    : hostile.string("csv").getBytes(StandardCharsets.UTF_8));
            return cli(List.of("blocklist", "import", file.toString()));
        } finally {
            Files.delete(file);
        }
    }

    private static UnaryOperator<String> placeholders() {
        String n = RUN + "-" + SEQUENCE.incrementAndGet();
        return text -> text.replace("{domain}", tenant().domain).replace("{tenant}", tenant().name)
                .replace("{admin}", tenant().admin).replace("{n}", n);
    }

    /**
     * One tenant for the whole corpus, with a key per role. The third-party catalog is read once, so
     * that it is seeded before any case compares what is stored.
     */
    private static synchronized TenantClient tenant() {
        if (tenant == null) {
            tenant = new TenantClient();
            assertThat(Http.get("/api/v1/third-party-lists", tenant.reader).status()).isEqualTo(200);
        }
        return tenant;
    }
}
