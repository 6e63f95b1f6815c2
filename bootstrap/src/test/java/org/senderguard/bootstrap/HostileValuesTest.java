package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Values that got through before: far expiries, control and invisible characters in stored text,
 * garbage client IPs and links, ambiguous JSON and an ambiguous body length. Each is refused as bad
 * input, naming the field, and nothing of it is stored.
 */
class HostileValuesTest {

    private static final String ENTRIES = "/api/v1/block-list/entries";

    @Test
    void anExpiryPastTheYear9999IsRefusedNamingTheFieldOnEveryPath() {
        TenantClient tenant = new TenantClient();
        Http.Response far = TenantClient.post(ENTRIES, tenant.admin, Map.of("type", "DOMAIN",
                "values", List.of("far.example"), "expiresAt", "+20000-01-01T00:00:00Z"));
        RestApiTest.assertProblem(far, 400, "invalid-value");
        assertThat((String) far.json().get("detail")).startsWith("expiresAt: ").contains("9999-12-31T23:59:59Z");
        Http.Response latest = TenantClient.post(ENTRIES, tenant.admin, Map.of("type", "DOMAIN",
                "values", List.of("latest.example"), "expiresAt", "9999-12-31T23:59:59Z"));
        assertThat(latest.status()).as(latest.body()).isEqualTo(201);
        Http.Response latestDay = TenantClient.post(ENTRIES, tenant.admin, Map.of("type", "DOMAIN",
                "values", List.of("latest-day.example"), "expiresAt", "9999-12-31"));
        assertThat(latestDay.status()).as("the latest day, to its last second").isEqualTo(201);
        assertThat(Http.get(ENTRIES, tenant.reader).items()).extracting(e -> e.get("value"), e -> e.get("expiresAt"))
                .containsExactlyInAnyOrder(tuple("latest.example", "9999-12-31T23:59:59Z"),
                        tuple("latest-day.example", "9999-12-31T23:59:59Z"));

        TestApplication.CliResult cli = TestApplication.cli("blocklist", "add", "far-cli.example", "--type", "DOMAIN",
                "--reason", "test", "--expires", "+20000-01-01T00:00:00Z");
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(2);
        assertThat(cli.err()).startsWith("senderguard: --expires: ").hasLineCount(1);
        assertThat(TestApplication.cli("blocklist", "list", "--prefix", "far-cli").out()).doesNotContain("far-cli");
    }

    @ParameterizedTest
    @ValueSource(strings = {"line\nINFO forged", "nul\u0000byte", "bidi \u202egnp.exe", "lone \ud800 surrogate",
            "zero\u200bwidth"})
    void controlAndInvisibleCharactersInStoredTextAreRefusedNamingTheField(String text) {
        TenantClient tenant = new TenantClient();
        Http.Response reason = TenantClient.post(ENTRIES, tenant.admin, Map.of("type", "DOMAIN",
                "values", List.of("reason.example"), "reason", text));
        RestApiTest.assertProblem(reason, 400, "invalid-value");
        assertThat((String) reason.json().get("detail")).startsWith("reason: contains U+");
        Http.Response notes = TenantClient.post(ENTRIES, tenant.admin, Map.of("type", "DOMAIN",
                "values", List.of("notes.example"), "notes", text));
        assertThat((String) notes.json().get("detail")).startsWith("notes: contains U+");
        assertThat(Http.get(ENTRIES, tenant.reader).items()).isEmpty();

        Http.Response policy = TenantClient.post("/api/v1/outbound-spam-policies", tenant.admin,
                Map.of("name", text, "senderDomains", List.of(tenant.domain)));
        RestApiTest.assertProblem(policy, 400, "invalid-value");
        assertThat((String) policy.json().get("detail")).startsWith("name: contains U+");
        assertThat(Http.get("/api/v1/outbound-spam-policies", tenant.reader).jsonList()).hasSize(1);

        Http.Response unblock = tenant.unblock(tenant.admin, tenant.user("alice"), Map.of("confirm", true,
                "reason", text));
        assertThat((String) unblock.json().get("detail")).startsWith("reason: contains U+");
        Http.Response delisting = TenantClient.post("/api/v1/delisting-requests", tenant.admin,
                Map.of("value", tenant.domain, "reason", text));
        assertThat((String) delisting.json().get("detail")).startsWith("reason: contains U+");

        TestApplication.CliResult restrict = TestApplication.cli("restricted", "add", "--tenant", tenant.name,
                tenant.user("bob"), "--reason", text);
        assertThat(restrict.exitCode()).isEqualTo(2);
        assertThat(restrict.err()).startsWith("senderguard: reason: contains U+").hasLineCount(1);
        TestApplication.CliResult add = TestApplication.cli("blocklist", "add", "cli-notes.example", "--type",
                "DOMAIN", "--reason", "test", "--notes", text);
        assertThat(add.exitCode()).isEqualTo(2);
        assertThat(add.err()).startsWith("senderguard: notes: contains U+").hasLineCount(1);
        assertThat(TestApplication.cli("restricted", "list", "--tenant", tenant.name).out()).doesNotContain("bob");
    }

    @Test
    void emojiAndJoinedScriptsAreKeptAsGiven() {
        TenantClient tenant = new TenantClient();
        String reason = "spam 📧🚫 from 👨‍👩‍👧 — می‌خواهم";
        Http.Response added = TenantClient.post(ENTRIES, tenant.admin, Map.of("type", "DOMAIN",
                "values", List.of("emoji.example"), "reason", reason, "notes", "🏴󠁧󠁢󠁳󠁣󠁴󠁿"));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(Http.get(ENTRIES, tenant.reader).items().get(0)).containsEntry("reason", reason)
                .containsEntry("notes", "🏴󠁧󠁢󠁳󠁣󠁴󠁿");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-ip", "999.1.1.1", "1.2.3.4/24", "::g", "1.2.3.4 5", "1.2.3.4\r\nX: y"})
    void aClientIpThatIsNotAnAddressIsRefusedOnBothMailFlowEndpoints(String clientIp) {
        TenantClient tenant = new TenantClient();
        Http.Response outbound = TenantClient.post("/api/v1/mail-flow/outbound", tenant.mailFlow,
                Map.of("messageId", "<ip@x>", "sender", tenant.user("a"), "recipients", List.of("b@elsewhere.example"),
                        "verdict", "CLEAN", "clientIp", clientIp));
        RestApiTest.assertProblem(outbound, 400, "invalid-value");
        assertThat((String) outbound.json().get("detail")).startsWith("clientIp: ");
        Http.Response inbound = TenantClient.post("/api/v1/mail-flow/inbound", tenant.mailFlow,
                Map.of("messageId", "<ip@y>", "sender", "x@elsewhere.example", "recipients", List.of(tenant.user("a")),
                        "clientIp", clientIp));
        assertThat((String) inbound.json().get("detail")).startsWith("clientIp: ");
        assertThat(TenantClient.post("/api/v1/mail-flow/outbound", tenant.mailFlow,
                Map.of("messageId", "<ip@x>", "sender", tenant.user("a"), "recipients", List.of("b@elsewhere.example"),
                        "verdict", "CLEAN", "clientIp", "2001:db8::1")).status()).isEqualTo(200);
    }

    @Test
    void linksAreBoundedInNumberAndLength() {
        TenantClient tenant = new TenantClient();
        Map<String, Object> message = Map.of("messageId", "<urls@x>", "sender", "x@elsewhere.example",
                "recipients", List.of(tenant.user("a")), "clientIp", "192.0.2.1");
        Http.Response many = TenantClient.post("/api/v1/mail-flow/inbound", tenant.mailFlow,
                with(message, "urls", Collections.nCopies(257, "https://a.example/")));
        RestApiTest.assertProblem(many, 400, "invalid-value");
        assertThat((String) many.json().get("detail")).isEqualTo("urls: at most 256 URLs, not 257");
        Http.Response longOne = TenantClient.post("/api/v1/mail-flow/inbound", tenant.mailFlow,
                with(message, "urls", List.of("https://a.example/" + "x".repeat(4000))));
        assertThat((String) longOne.json().get("detail")).startsWith("urls: at most 2048 characters");
        Http.Response garbage = TenantClient.post("/api/v1/mail-flow/inbound", tenant.mailFlow,
                with(message, "urls", List.of("https://a.example/\u0000\r\n")));
        assertThat((String) garbage.json().get("detail")).startsWith("urls: contains U+");
        assertThat(TenantClient.post("/api/v1/mail-flow/inbound", tenant.mailFlow,
                with(message, "urls", Collections.nCopies(256, "not a link"))).status())
                .as("text that is no link is skipped, as before").isEqualTo(200);
    }

    @Test
    void aBodyIsOneJsonDocumentWithoutRepeatedNames() {
        TenantClient tenant = new TenantClient();
        String entry = "{\"type\":\"DOMAIN\",\"values\":[\"twice.example\"]}";
        Http.Response two = Http.send("POST", ENTRIES, tenant.admin, "application/json", entry + entry);
        RestApiTest.assertProblem(two, 400, "bad-request");
        assertThat((String) two.json().get("detail")).contains("one JSON document");
        Http.Response trailing = Http.send("POST", ENTRIES, tenant.admin, "application/json", entry + " x");
        RestApiTest.assertProblem(trailing, 400, "bad-request");
        Http.Response duplicate = Http.send("POST", ENTRIES, tenant.admin, "application/json",
                "{\"type\":\"DOMAIN\",\"values\":[\"dup.example\"],\"type\":\"IP\"}");
        RestApiTest.assertProblem(duplicate, 400, "bad-request");
        assertThat((String) duplicate.json().get("detail")).contains("'type' is named more than once");
        assertThat(Http.get(ENTRIES, tenant.reader).items()).isEmpty();
        assertThat(Http.send("POST", ENTRIES, tenant.admin, "application/json", " \n" + entry + "\r\n\t ").status())
                .as("whitespace around the one document is fine").isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"c0ae", "e080af", "ff", "80", "e280", "eda080"})
    void aBodyIsUtf8WithoutOverlongOrBrokenSequences(String hex) {
        TenantClient tenant = new TenantClient();
        byte[] bad = HexFormat.of().parseHex(hex);
        byte[] before = "{\"type\":\"DOMAIN\",\"values\":[\"evil".getBytes(StandardCharsets.UTF_8);
        byte[] after = "example\"]}".getBytes(StandardCharsets.UTF_8);
        byte[] body = ByteBuffer.allocate(before.length + bad.length + after.length).put(before).put(bad).put(after)
                .array();
        Http.Response refused = Http.send(Http.request(ENTRIES, tenant.admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        RestApiTest.assertProblem(refused, 400, "bad-request");
        assertThat((String) refused.json().get("detail")).isEqualTo("the request body must be one JSON document in "
                + "UTF-8, but byte " + (before.length + 1) + " begins a sequence that is not UTF-8");
        assertThat(Http.get(ENTRIES, tenant.reader).items()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            entries  | {"type":["IP"],"values":["192.0.2.1"]}                 | field 'type' must be a string, not an array
            entries  | {"type":7,"values":["x.example"]}                       | field 'type' must be a string, not a number
            entries  | {"type":"DOMAIN","values":[["x.example"]]}              | field 'values[0]' must be a string, not an array
            entries  | {"type":"DOMAIN","values":["a.example",{"b":1}]}        | field 'values[1]' must be a string, not an object
            entries  | {"type":"DOMAIN","values":"x.example"}                  | field 'values' must be an array, not a string
            entries  | {"type":"DOMAIN","values":["x.example"],"noExpiration":"true"}   | field 'noExpiration' must be true or false, not a string
            entries  | {"type":"DOMAIN","values":["x.example"],"noExpiration":1}        | field 'noExpiration' must be true or false, not a number
            entries  | {"type":"DOMAIN","values":["x.example"],"noExpiration":1e999999} | field 'noExpiration' must be true or false, not a number
            entries  | {"type":"DOMAIN","values":["x.example"],"noExpiration":[true]}   | field 'noExpiration' must be true or false, not an array
            policies | {"name":"p","enabled":"yes"}                            | field 'enabled' must be true or false, not a string
            policies | {"name":"p","recipientLimitPerDay":1.5}                 | field 'recipientLimitPerDay' must be an integer from -2147483648 to 2147483647, not a number with a fraction or an exponent
            policies | {"name":"p","recipientLimitPerDay":10.0}                | field 'recipientLimitPerDay' must be an integer from -2147483648 to 2147483647, not a number with a fraction or an exponent
            policies | {"name":"p","priority":2147483648}                      | field 'priority' must be an integer from -2147483648 to 2147483647, not a number out of that range
            policies | {"name":"p","priority":-99999999999999999999999}        | field 'priority' must be an integer from -2147483648 to 2147483647, not a number out of that range
            policies | {"name":"p","priority":"5"}                             | field 'priority' must be an integer from -2147483648 to 2147483647, not a string
            policies | {"name":"p","priority":true}                            | field 'priority' must be an integer from -2147483648 to 2147483647, not a boolean
            policies | {"name":["p"]}                                          | field 'name' must be a string, not an array
            policies | {"name":"p","senders":[1]}                              | field 'senders[0]' must be a string, not a number
            outbound | {"messageId":"<1@x>","sender":["a@x.example"],"recipients":["b@y.example"],"verdict":"SPAM"} | field 'sender' must be a string, not an array
            outbound | {"messageId":"<1@x>","sender":"a@x.example","recipients":"b@y.example","verdict":"SPAM"}   | field 'recipients' must be an array, not a string
            outbound | {"messageId":"<1@x>","sender":"a@x.example","recipients":[["b@y.example"]],"verdict":"SPAM"} | field 'recipients[0]' must be a string, not an array
            outbound | {"messageId":1,"sender":"a@x.example","recipients":["b@y.example"],"verdict":"SPAM"}         | field 'messageId' must be a string, not a number
            entries  | [{"type":"DOMAIN","values":["x.example"]}]              | the request body must be one JSON document that is an object, but it is an array
            policies | "p"                                                     | the request body must be one JSON document that is an object, but it is a string
            """)
    void aValueOfTheWrongJsonTypeIsRefusedNamingTheFieldInsteadOfCoerced(String endpoint, String body, String detail) {
        TenantClient tenant = new TenantClient();
        Http.Response response = switch (endpoint) {
            case "entries" -> Http.send("POST", ENTRIES, tenant.admin, "application/json", body);
            case "policies" -> Http.send("POST", "/api/v1/outbound-spam-policies", tenant.admin, "application/json",
                    body);
            default -> Http.send("POST", "/api/v1/mail-flow/outbound", tenant.mailFlow, "application/json", body);
        };
        RestApiTest.assertProblem(response, 400, "bad-request");
        assertThat((String) response.json().get("detail")).isEqualTo(detail);
        assertThat(Http.get(ENTRIES, tenant.reader).items()).isEmpty();
        assertThat(Http.get("/api/v1/outbound-spam-policies", tenant.reader).jsonList()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/mail-flow/outbound", "/api/v1/mail-flow/verdicts"})
    void aMissingVerdictIsSaidToBeMissing(String path) {
        TenantClient tenant = new TenantClient();
        Http.Response response = TenantClient.post(path, tenant.mailFlow, Map.of("messageId", "<no-verdict@x>",
                "queueId", "Q1", "sender", tenant.user("a"), "recipients", List.of("b@y.example")));
        RestApiTest.assertProblem(response, 400, "invalid-value");
        assertThat((String) response.json().get("detail")).isEqualTo("verdict: one of CLEAN, BULK, SPAM, "
                + "HIGH_CONFIDENCE_SPAM, PHISH, HIGH_CONFIDENCE_PHISH, MALWARE is required");
    }

    @Test
    void valuesOfTheRightJsonTypeNullAndUnknownFieldsAreReadAsBefore() {
        TenantClient tenant = new TenantClient();
        Http.Response entry = Http.send("POST", ENTRIES, tenant.admin, "application/json",
                "{\"type\":\"DOMAIN\",\"values\":[\"typed.example\"],\"noExpiration\":true,\"notes\":null,"
                        + "\"expiresAt\":null,\"unknown\":[1.5,{\"a\":\"yes\"}]}");
        assertThat(entry.status()).as(entry.body()).isEqualTo(201);
        assertThat(Http.get(ENTRIES, tenant.reader).items()).extracting(e -> e.get("value"))
                .containsExactly("typed.example");

        Http.Response policy = Http.send("POST", "/api/v1/outbound-spam-policies", tenant.admin, "application/json",
                "{\"name\":\"typed\",\"senderDomains\":[\"" + tenant.domain + "\"],\"enabled\":false,"
                        + "\"priority\":null,\"recipientLimitPerDay\":250,\"notifyRecipients\":null}");
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
        assertThat(policy.json()).containsEntry("enabled", false).containsEntry("recipientLimitPerDay", 250);
    }

    @Test
    void aRequestWithBothTransferEncodingAndContentLengthIsRefusedAtOnceAndClosed() throws IOException {
        TenantClient tenant = new TenantClient();
        String body = "{\"type\":\"DOMAIN\",\"values\":[\"smuggled.example\"]}";
        URI uri = TestApplication.uri("/");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) Duration.ofSeconds(5).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + ENTRIES + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + tenant.admin
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readUntilClosed(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 400 ")
                    .containsIgnoringCase("content-type: application/problem+json")
                    .contains("Transfer-Encoding and Content-Length");
        }
        assertThat(Http.get(ENTRIES, tenant.reader).items()).isEmpty();
    }

    /** Everything the server sends until it closes the connection; a read timeout fails the test. */
    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        in.transferTo(answer);
        return answer.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> with(Map<String, Object> message, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(message);
        copy.put(key, value);
        return copy;
    }
}
