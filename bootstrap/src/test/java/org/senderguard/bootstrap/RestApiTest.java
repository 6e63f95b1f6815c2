package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.IDN;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The REST adapter over real HTTP: authentication, roles, tenant isolation and problem+json errors. */
class RestApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"GLOBAL_ADMIN", "SECURITY_READER", "MAIL_FLOW"})
    @SuppressWarnings("unchecked")
    void anyRoleReadsItsOwnTenant(String role) {
        String tenant = Fixtures.newTenant();
        TestApplication.cli("tenant", "update", tenant, "--unblock-limit", "5", "--domain", tenant + ".example",
                "--domain", "Bücher-" + tenant + ".example");

        Http.Response response = Http.get("/api/v1/tenant", Fixtures.newKey(tenant, role));

        assertThat(response.status()).isEqualTo(200);
        Map<String, Object> body = response.json();
        assertThat(body).containsEntry("name", tenant).containsEntry("role", role);
        assertThat((List<Object>) body.get("acceptedDomains"))
                .containsExactly(tenant + ".example", IDN.toASCII("bücher-" + tenant + ".example"));
        assertThat((Map<String, Object>) body.get("settings")).containsEntry("unblockLimit", 5)
                .containsEntry("unblockWindowDays", 30).containsEntry("blockListLimit", 10000);
    }

    @Test
    void aKeySeesOnlyItsOwnTenant() {
        String first = Fixtures.newTenant();
        String second = Fixtures.newTenant();
        assertThat(Http.get("/api/v1/tenant", Fixtures.newKey(first, "SECURITY_READER")).json())
                .containsEntry("name", first);
        assertThat(Http.get("/api/v1/tenant", Fixtures.newKey(second, "SECURITY_READER")).json())
                .containsEntry("name", second);
    }

    @Test
    void missingMalformedWrongAndRevokedKeysAre401() throws Exception {
        String tenant = Fixtures.newTenant();
        String key = Fixtures.newKey(tenant, "GLOBAL_ADMIN");
        String wrongSecret = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");

        assertProblem(Http.get("/api/v1/tenant", null), 401, "unauthorized");
        HttpResponse<Void> challenged = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(TestApplication.uri("/api/v1/tenant")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(challenged.headers().firstValue("WWW-Authenticate")).as("RFC 9110: a 401 names its scheme")
                .contains("Bearer");
        Http.Response twoKeys = Http.send(Http.request("/api/v1/tenant", key)
                .header("Authorization", "Bearer " + Fixtures.newKey(Fixtures.newTenant(), "GLOBAL_ADMIN")).build());
        assertProblem(twoKeys, 400, "bad-request");
        assertThat((String) twoKeys.json().get("detail")).contains("one Authorization header");
        assertProblem(Http.get("/api/v1/tenant", "not-a-key"), 401, "unauthorized");
        assertProblem(Http.get("/api/v1/tenant", wrongSecret), 401, "unauthorized");
        assertThat(Http.get("/api/v1/tenant", key).status()).isEqualTo(200);

        String id = key.split("_")[1];
        assertThat(TestApplication.cli("api-key", "revoke", id).exitCode()).isZero();
        assertProblem(Http.get("/api/v1/tenant", key), 401, "unauthorized");
    }

    @Test
    void theWrongRoleIs403() {
        String tenant = Fixtures.newTenant();
        Http.Response response = Http.send("POST", "/api/test-probe", Fixtures.newKey(tenant, "SECURITY_READER"),
                "application/json", "{\"name\":\"x\",\"count\":1}");
        assertProblem(response, 403, "forbidden");
    }

    @Test
    void frameworkErrorsAreProblemJson() {
        String admin = Fixtures.newKey(Fixtures.newTenant(), "GLOBAL_ADMIN");
        assertThat(Http.send("POST", "/api/test-probe", admin, "application/json", "{\"name\":\"x\",\"count\":2}").json())
                .containsEntry("name", "x");

        assertProblem(Http.get("/api/v1/no-such-thing", admin), 404, "not-found");
        assertProblem(Http.get("/api/v1/listings?value=" + "a".repeat(5000), admin), 414, "uri-too-long");
        assertProblem(Http.send(Http.request("/api/v1/tenant", admin).header("X-Big", "a".repeat(20_000)).build()),
                431, "request-header-fields-too-large");
        assertProblem(Http.send("DELETE", "/api/v1/tenant", admin, "application/json", ""), 405,
                "method-not-allowed");
        assertProblem(Http.send("POST", "/api/test-probe", admin, "text/plain", "name=x"), 415,
                "unsupported-media-type");
        Http.Response truncated = Http.send("POST", "/api/test-probe", admin, "application/json", "{\"name\":");
        assertProblem(truncated, 400, "bad-request");
        assertThat(truncated.json()).containsEntry("detail", "the request body is not valid JSON");
        Http.Response wrongType = Http.send("POST", "/api/test-probe", admin, "application/json",
                "{\"name\":\"x\",\"count\":\"many\"}");
        assertProblem(wrongType, 400, "bad-request");
        assertThat(wrongType.json()).containsEntry("detail",
                "field 'count' must be an integer from -2147483648 to 2147483647, not a string");
        Http.Response nullForAPrimitive = Http.send("POST", "/api/test-probe", admin, "application/json",
                "{\"name\":\"x\",\"count\":null}");
        assertProblem(nullForAPrimitive, 400, "bad-request");
        assertThat(nullForAPrimitive.json()).containsEntry("detail",
                "field 'count' must be an integer from -2147483648 to 2147483647, not null");
        Http.Response renamed = Http.send("POST", "/api/test-probe", admin, "application/json",
                "{\"name\":\"x\",\"count\":1,\"flag\":\"yes\"}");
        assertThat(renamed.json()).as("a field is known by its JSON name").containsEntry("detail",
                "field 'flag' must be true or false, not a string");
        Http.Response unchecked = Http.send("POST", "/api/test-probe", admin, "application/json",
                "{\"name\":\"x\",\"count\":1,\"at\":\"yesterday\"}");
        assertProblem(unchecked, 400, "bad-request");
        assertThat(unchecked.json()).as("a type the check leaves to the binding").containsEntry("detail",
                "field 'at' has a value of the wrong type");
        assertProblem(Http.send("POST", "/api/test-probe", admin, "application/json",
                "{\"name\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}"), 413, "payload-too-large");
    }

    @Test
    void unexpectedFailuresAre500WithoutInternals() {
        String admin = Fixtures.newKey(Fixtures.newTenant(), "GLOBAL_ADMIN");
        Http.Response response = Http.get("/api/test-probe/failure", admin);
        assertProblem(response, 500, "internal-error");
        assertThat(response.body()).doesNotContain("internal detail").doesNotContain("Exception");
    }

    @Test
    void healthAnswersWithoutAKey() {
        Http.Response response = Http.get("/health", null);
        assertThat(response.status()).isEqualTo(200);
        Map<String, Object> health = response.json();
        assertThat(health).containsEntry("status", "UP");
        assertThat(health.get("details")).as("senderguard's own parts, not the host's disk or threads")
                .asInstanceOf(InstanceOfAssertFactories.MAP).containsKeys("jdbc", "postfixPolicy")
                .doesNotContainKeys("diskSpace", "deadlockedThreads", "compositeDiscoveryClient()");
    }

    @Test
    void servesTheOpenApiDocument() {
        Http.Response response = Http.get("/openapi/senderguard.yml", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("openapi: 3").contains("/api/v1/tenant").contains("bearer");
    }

    static void assertProblem(Http.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        Map<String, Object> problem = response.json();
        assertThat(problem).containsEntry("type", type).containsEntry("status", status).containsKeys("title", "detail");
        assertThat((String) problem.get("detail")).isNotBlank();
    }
}
