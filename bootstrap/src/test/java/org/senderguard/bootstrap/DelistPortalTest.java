package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.apikey.SecretHash;

/**
 * The delist portal over real HTTP, with its mail going to a real SMTP server: the link's rules,
 * CSRF, escaping, rate limits, headers, and what confirming does to the service list and mail flow.
 */
class DelistPortalTest {

    static final String CLIENT_HEADER = "X-Test-Client";

    private final PortalBrowser browser = new PortalBrowser(randomClient());

    @Test
    void theFormExplainsItselfAndIsServedWithSecurityHeaders() {
        HttpResponse<String> form = browser.get("/delist");

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(form.body()).contains("<html lang=\"en\"", "<label for=\"email\"", "name=\"email\"",
                "<label for=\"ip\"", "name=\"ip\"", "name=\"csrf\"", "Why was my mail blocked?",
                "What this portal cannot do").doesNotContain("<script");
        assertThat(form.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'");
        assertThat(form.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(form.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(form.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(form.headers().firstValue("Set-Cookie").orElse("")).containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict").contains("Path=/delist");

        HttpResponse<String> css = browser.get("/delist/assets/portal.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
    }

    /** What the framework itself refuses on the portal's paths is a page a browser shows, not JSON. */
    @Test
    void refusalsOfTheFrameworkArePagesForPeople() {
        HttpResponse<String> unknown = browser.get("/delist/nowhere");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(unknown.body()).contains("There is no such page", "Back to the delist form");
        assertThat(unknown.headers().firstValue("X-Frame-Options")).contains("DENY");

        HttpResponse<String> json = browser.post("/delist", Map.of());
        HttpResponse<String> notAForm = browser.send("PUT", "/delist");
        assertThat(notAForm.statusCode()).isEqualTo(405);
        assertThat(notAForm.body()).contains("This page cannot be used that way").doesNotContain("{\"");
        assertThat(json.statusCode()).as("the portal's own answers are unchanged").isEqualTo(403);
    }

    @Test
    void aPostWithoutTheFormsCsrfTokenIsRefusedAndSendsNothing() {
        String email = newAddress();
        HttpResponse<String> forged = new PortalBrowser(randomClient()).post("/delist",
                Map.of("email", email, "ip", "192.0.2.1", "csrf", "x".repeat(43)));
        HttpResponse<String> noToken = browser.post("/delist", Map.of("email", email, "ip", "192.0.2.1"));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("This form had expired");
        assertThat(TestMail.to(email)).isEmpty();
        assertThat(requests(email)).isEmpty();
    }

    @Test
    void badFieldsAreNamedNextToThemAndEveryEchoedValueIsEscaped() {
        String email = "<script>alert(1)</script>@x";
        String ip = "\"><img src=x onerror=alert(1)>";
        HttpResponse<String> answer = browser.requestLink(email, ip);

        assertThat(browser.get("/delist?ip=%22%3E%3Cscript%3Ealert(1)%3C/script%3E").body())
                .as("a prefilled IP is escaped too").contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"")
                .doesNotContain("<script>");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body())
                .contains("id=\"email-error\"", "id=\"ip-error\"", "aria-invalid=\"true\"",
                        "aria-describedby=\"email-hint email-error\"", "href=\"#email\"", "href=\"#ip\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;@x", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>", "<img src=x");
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotAnythingIsListed() {
        String net = TestApplication.uniqueNet();
        cli("blocklist", "add", net + "7", "--type", "IP", "--reason", "spam source");
        String email = newAddress();

        HttpResponse<String> listed = browser.requestLink(email, net + "7");
        HttpResponse<String> unlisted = browser.requestLink(email, net + "8");

        assertThat(listed.statusCode()).isEqualTo(unlisted.statusCode()).isEqualTo(200);
        assertThat(listed.body()).isEqualTo(unlisted.body()).contains("Check your email");
        assertThat(TestMail.to(email)).hasSize(2);
    }

    /**
     * Behind a reverse proxy that passes its own Host (nginx's default), the server sees a request
     * to its loopback address from a form of the public site: the whole flow still works.
     */
    @Test
    void formsPostedFromThePublicSiteThroughAProxyAreServed() {
        String net = TestApplication.uniqueNet();
        String email = newAddress();
        cli("blocklist", "add", net + "7", "--type", "IP", "--reason", "spam source");
        PortalBrowser proxied = new PortalBrowser(randomClient(), null, "https://delist.senderguard.example");

        HttpResponse<String> requested = proxied.requestLink(email, net + "7");
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(200);
        String link = TestMail.confirmationLink(email, 0);
        HttpResponse<String> review = proxied.get(link);
        HttpResponse<String> done = proxied.post("/delist/confirm", Map.of("token",
                link.substring(link.indexOf("token=") + 6), "csrf", PortalBrowser.csrfOf(review.body())));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(done.body()).contains("<h1>Delisted</h1>");
    }

    /** The audit record names the address as its actor, whatever length an address may have. */
    @Test
    void anAddressAsLongAsAddressesGoIsServedAndAudited() {
        String net = TestApplication.uniqueNet();
        String email = "s" + UUID.randomUUID().toString().replace("-", "") + "x".repeat(31) + "@" + "d".repeat(63) + "."
                + "e".repeat(63) + "." + UUID.randomUUID().toString().substring(0, 8) + "f".repeat(41) + ".example";
        assertThat(email).hasSize(250);

        assertThat(browser.requestLink(email, net + "7").statusCode()).isEqualTo(200);
        assertThat(TestMail.to(email)).hasSize(1);
        assertThat(audited(email)).isNotEmpty();
    }

    @Test
    void confirmingRemovesASingleAddressAndExceptsTheIpFromARangeOnce() throws Exception {
        String net = TestApplication.uniqueNet();
        String email = newAddress();
        cli("blocklist", "add", net + "0/24", "--type", "IP", "--reason", "spam source");
        cli("blocklist", "add", email, "--type", "SENDER", "--reason", "spam");
        cli("blocklist", "add", email.substring(email.indexOf('@') + 1), "--type", "DOMAIN", "--reason", "spam",
                "--not-delistable");
        TenantClient tenant = new TenantClient();
        assertThat(BlockListTest.inbound(tenant, "x@elsewhere.example", net + "7", List.of()).json())
                .containsEntry("action", "REJECT");

        assertThat(browser.requestLink(email, net + "7").statusCode()).isEqualTo(200);
        String link = TestMail.confirmationLink(email, 0);
        assertThat(TestMail.to(email).get(0).getFrom()[0].toString()).isEqualTo("delist@senderguard.test");
        assertThat(link).startsWith(TestApplication.uri("/delist/confirm?token=").toString());
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(dataSourceQuery("SELECT COUNT(*) FROM portal_request WHERE token_hash = '"
                + SecretHash.of(token).hex() + "'")).as("stored as its hash").isEqualTo(1);
        assertThat(dataSourceQuery("SELECT COUNT(*) FROM portal_request WHERE token_hash = '" + token + "' OR outcome "
                + "LIKE '%" + token + "%'")).as("and only so").isZero();
        assertThat(TestMail.text(TestMail.to(email).get(0))).contains("To confirm", net + "7", "expires at");

        HttpResponse<String> review = browser.get(link);
        assertThat(review.statusCode()).isEqualTo(200);
        assertThat(review.body()).contains("Delist IP", net + "7", email,
                "The IP range " + net + "0/24 stays listed, but " + net + "7 will no longer be blocked by it.",
                "The email address " + email + " will be taken off the block list.",
                "cannot be delisted here", "the postmaster of the domain you wrote to");
        assertThat(BlockListTest.inbound(tenant, "x@elsewhere.example", net + "7", List.of()).json())
                .as("opening the link changes nothing").containsEntry("action", "REJECT");

        HttpResponse<String> done = browser.post("/delist/confirm",
                Map.of("token", token, "csrf", PortalBrowser.csrfOf(review.body())));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("<title>Partly delisted", "<h1>Partly delisted</h1>", "is no longer blocked by it",
                "was taken off the block list", "Still listed");

        assertThat(BlockListTest.inbound(tenant, "x@elsewhere.example", net + "7", List.of()).json())
                .containsEntry("action", "ACCEPT");
        assertThat(BlockListTest.inbound(tenant, "x@elsewhere.example", net + "8", List.of()).json())
                .as("the rest of the range stays blocked").containsEntry("action", "REJECT");
        assertThat(cli("blocklist", "lookup", email, "--output", "json").out()).doesNotContain("\"SENDER\"");

        HttpResponse<String> again = browser.post("/delist/confirm",
                Map.of("token", token, "csrf", PortalBrowser.csrfOf(review.body())));
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("This link has been used");
        assertThat(browser.get(link).statusCode()).isEqualTo(410);

        List<Map<String, Object>> completed = requests(email);
        assertThat(completed).hasSize(1);
        assertThat(completed.get(0)).containsEntry("status", "COMPLETED").containsEntry("ip", net + "7");
        assertThat((String) completed.get(0).get("outcome")).contains("excepted " + net + "7 from ip " + net + "0/24",
                "removed sender " + email, "refused domain");
        assertThat(audited(email)).as("newest first, on the operators' audit log; a link's refusals once an hour")
                .containsExactly("portal.link-refused", "portal.confirmed", "block-list.portal-refuse",
                "block-list.portal-remove", "block-list.portal-except", "portal.link-requested");
    }

    /** Confirmations of one link sent at once: one delists, every other is refused as a reuse, audited once. */
    @Test
    void confirmationsRacingOnOneLinkDelistOnceAndTheReuseIsAuditedOnce() throws Exception {
        String net = TestApplication.uniqueNet();
        String email = newAddress();
        cli("blocklist", "add", net + "0/24", "--type", "IP", "--reason", "spam source");
        assertThat(browser.requestLink(email, net + "9").statusCode()).isEqualTo(200);
        String link = TestMail.confirmationLink(email, 0);
        String token = link.substring(link.indexOf("token=") + 6);
        int racers = 6;
        List<PortalBrowser> browsers = new ArrayList<>();
        List<String> csrfs = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            browsers.add(new PortalBrowser(randomClient()));
            csrfs.add(PortalBrowser.csrfOf(browsers.get(i).get(link).body()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            int racer = i;
            statuses.add(pool.submit(() -> {
                start.await();
                return browsers.get(racer).post("/delist/confirm", Map.of("token", token, "csrf", csrfs.get(racer)))
                        .statusCode();
            }));
        }
        start.countDown();
        List<Integer> answered = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answered.add(status.get());
        }
        pool.shutdown();

        assertThat(answered).filteredOn(status -> status == 200).hasSize(1);
        assertThat(answered).filteredOn(status -> status == 410).hasSize(racers - 1);
        assertThat(audited(email)).filteredOn("portal.confirmed"::equals).hasSize(1);
        assertThat(audited(email)).filteredOn("block-list.portal-except"::equals).hasSize(1);
        assertThat(audited(email)).filteredOn("portal.link-refused"::equals).hasSize(1);
    }

    @Test
    void aLinkExpiresAfter24Hours() {
        String email = newAddress();
        browser.requestLink(email, "192.0.2.44");
        String link = TestMail.confirmationLink(email, 0);
        HttpResponse<String> review = browser.get(link);
        assertThat(review.statusCode()).isEqualTo(200);

        TestApplication.clock().advance(Duration.ofHours(24));

        HttpResponse<String> expired = browser.get(link);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This link has expired");
        String token = link.substring(link.indexOf("token=") + 6);
        assertThat(browser.post("/delist/confirm", Map.of("token", token, "csrf",
                PortalBrowser.csrfOf(browser.get("/delist").body()))).statusCode()).isEqualTo(410);
        assertThat(requests(email)).singleElement().satisfies(r -> assertThat(r).containsEntry("status", "EXPIRED"));
    }

    @Test
    void aTokenThatWasNeverIssuedFindsNothing() {
        assertThat(browser.get("/delist/confirm?token=" + "A".repeat(43)).statusCode()).isEqualTo(404);
        assertThat(browser.get("/delist/confirm?token=%3Cscript%3E").body()).contains("This link is not valid")
                .doesNotContain("<script>");
        assertThat(browser.get("/delist/confirm").statusCode()).isEqualTo(404);
    }

    @Test
    void linkRequestsAreLimitedPerAddress() {
        String email = newAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(new PortalBrowser(randomClient()).requestLink(email, randomIp()).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> fourth = new PortalBrowser(randomClient()).requestLink(email, randomIp());
        assertThat(fourth.statusCode()).isEqualTo(429);
        String tagged = email.replace("@", "+1@");
        assertThat(new PortalBrowser(randomClient()).requestLink(tagged, randomIp()).statusCode())
                .as("a subaddress reaches the same mailbox").isEqualTo(429);
        assertThat(TestMail.to(tagged)).isEmpty();
        assertThat(fourth.body()).contains("delisting requests for this email address");
        assertThat(Long.parseLong(fourth.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 3600L);
        assertThat(TestMail.to(email)).hasSize(3);
        assertThat(audited(email)).as("the first refusal of the hour is audited, not the ones after it")
                .filteredOn("portal.rate-limited"::equals).hasSize(1);
    }

    @Test
    void linkRequestsAreLimitedPerClientNetworkCountingAnIpv6Slash64AsOne() {
        String network = "2001:db8:" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1, 0xffff)) + ":7::";
        for (int i = 1; i <= 10; i++) {
            assertThat(new PortalBrowser(network + Integer.toHexString(i)).requestLink(newAddress(), randomIp())
                    .statusCode()).isEqualTo(200);
        }
        HttpResponse<String> eleventh = new PortalBrowser(network + "ff").requestLink(newAddress(), randomIp());
        assertThat(eleventh.statusCode()).isEqualTo(429);
        assertThat(eleventh.body()).contains("delisting requests from your network");
    }

    @Test
    void linkRequestsAreLimitedPerIpToDelistFromOneClientWhichStrangersCannotUseUp() {
        String ip = randomIp();
        PortalBrowser stranger = new PortalBrowser(randomClient());
        for (int i = 0; i < 5; i++) {
            assertThat(stranger.requestLink(newAddress(), ip).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> sixth = stranger.requestLink(newAddress(), ip);
        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.body()).contains("delisting requests for this IP address");
        assertThat(new PortalBrowser(randomClient()).requestLink(newAddress(), ip).statusCode())
                .as("the IP's owner, from a network of its own").isEqualTo(200);
    }

    /** Four clients of one /24, ten requests each: the network they share has 30 an hour. */
    @Test
    void linkRequestsAreLimitedPerNetworkHoldingTheirClients() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String net = "10." + random.nextInt(256) + "." + random.nextInt(256) + ".";
        List<Integer> statuses = new ArrayList<>();
        for (int client = 1; client <= 4; client++) {
            PortalBrowser browser = new PortalBrowser(net + client);
            for (int i = 0; i < 10; i++) {
                statuses.add(browser.requestLink(newAddress(), randomIp()).statusCode());
            }
        }
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(30);
        assertThat(statuses.subList(30, 40)).containsOnly(429);
        assertThat(dataSourceQuery("SELECT SUM(hits) FROM rate_counter WHERE rate_key = 'network:" + net + "0/24'"))
                .as("the network's count").isEqualTo(30);
        assertThat(dataSourceQuery("SELECT COUNT(*) FROM rate_counter WHERE rate_key = 'client:" + net + "4'"))
                .as("the refused client's requests left no count").isZero();
    }

    @Test
    void aClientAddressHeaderThatIsNoAddressCountsAsTheTcpPeer() {
        HttpResponse<String> answer = new PortalBrowser("x".repeat(300)).requestLink(newAddress(), randomIp());
        assertThat(answer.statusCode()).isEqualTo(200);
    }

    @Test
    void operatorsListRequestsByStatus() {
        String email = newAddress();
        browser.requestLink(email, "192.0.2.9");
        TestApplication.CliResult pending = cli("delist-requests", "list", "--status", "PENDING", "--output", "json");
        assertThat(pending.out()).contains(email);
        assertThat(cli("delist-requests", "list", "--status", "COMPLETED", "--output", "json").out())
                .doesNotContain(email);
        TestApplication.CliResult table = cli("delist-requests", "list");
        assertThat(table.out()).contains("STATUS", email, "PENDING");
        TestApplication.CliResult bad = TestApplication.cli("delist-requests", "list", "--limit", "0");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).contains("limit").doesNotContain("\n");
    }

    /** The actions in the service's audit log done as {@code email} through the portal, newest first. */
    private static List<String> audited(String email) {
        return cli("audit", "list", "--limit", "500", "--output", "json").jsonList().stream()
                .filter(r -> ("portal:" + email).equals(r.get("actor"))).map(r -> (String) r.get("action")).toList();
    }

    /** The operator's view of the requests for {@code email}. */
    static List<Map<String, Object>> requests(String email) {
        return cli("delist-requests", "list", "--limit", "500", "--output", "json").jsonList().stream()
                .filter(request -> email.equals(request.get("email"))).toList();
    }

    static String newAddress() {
        return "sender-" + UUID.randomUUID().toString().substring(0, 8) + "@" + UUID.randomUUID().toString()
                .substring(0, 6) + ".example";
    }

    static String randomClient() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static String randomIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** The first column of the first row, read in a transaction of the application's own. */
    private static long dataSourceQuery(String sql) {
        DataSource dataSource = TestApplication.context().getBean(DataSource.class);
        return TestApplication.context().getBean(UnitOfWork.class).inTransaction(() -> {
            try (var statement = dataSource.getConnection().createStatement(); var rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static TestApplication.CliResult cli(String... args) {
        TestApplication.CliResult result = TestApplication.cli(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }
}
