package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Block lists over real HTTP and the CLI: tenant lists, the service list, matching in mail flow, expiry, spam feed. */
class BlockListTest {

    private static final String ENTRIES = "/api/v1/block-list/entries";

    @Test
    void aBatchStoresTheGoodValuesAndNamesEveryBadOne() {
        TenantClient tenant = new TenantClient();
        Http.Response added = TenantClient.post(ENTRIES, tenant.admin, Map.of("type", "DOMAIN",
                "values", List.of("Partner.Example.", "*.bücher.example", "not a domain", "*.", "partner.example")));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        assertThat(values(added.json().get("created"))).containsExactly("partner.example", "*.xn--bcher-kva.example");
        assertThat(details(added.json().get("errors"))).hasSize(3)
                .anySatisfy(e -> assertThat(e).startsWith("not a domain: ").contains("'not a domain'"))
                .anySatisfy(e -> assertThat(e).startsWith("*.: "))
                .anySatisfy(e -> assertThat(e).startsWith("partner.example: ").contains("more than once"));
        Map<String, Object> entry = first(added.json().get("created"));
        assertThat(entry).containsEntry("list", "TENANT").containsEntry("type", "DOMAIN")
                .containsEntry("source", "MANUAL").containsEntry("delistable", false)
                .containsEntry("createdBy", "api-key:" + tenant.admin.split("_")[1])
                .containsEntry("exceptions", List.of());
        Instant created = Instant.parse((String) entry.get("createdAt"));
        assertThat(Instant.parse((String) entry.get("expiresAt"))).as("30 days by default")
                .isEqualTo(created.plus(Duration.ofDays(30)));

        Http.Response again = TenantClient.post(ENTRIES, tenant.admin, Map.of("type", "DOMAIN",
                "values", List.of("partner.example", "ex ample.com")));
        assertThat(again.status()).as("nothing could be added").isEqualTo(400);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat((String) again.json().get("detail")).contains("'partner.example'").contains("already on the list")
                .contains("'ex ample.com'");

        Http.Response list = Http.get(ENTRIES + "?type=DOMAIN&prefix=PART", tenant.reader);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.items()).extracting(e -> e.get("value")).containsExactly("partner.example");
    }

    @Test
    void aTenantListHoldsAtMostItsLimitPerType() {
        TenantClient tenant = new TenantClient();
        assertThat(TestApplication.cli("tenant", "update", tenant.name, "--block-list-limit", "2").exitCode()).isZero();
        Http.Response added = TenantClient.post(ENTRIES, tenant.admin, Map.of("type", "IP",
                "values", List.of("192.0.2.1", "192.0.2.2", "192.0.2.3")));
        assertThat(added.status()).isEqualTo(201);
        assertThat(values(added.json().get("created"))).containsExactly("192.0.2.1", "192.0.2.2");
        assertThat(details(added.json().get("errors"))).containsExactly(
                "192.0.2.3: the tenant's block list holds at most 2 IP entries; remove some first");
        assertThat(TenantClient.post(ENTRIES, tenant.admin, Map.of("type", "SENDER",
                "values", List.of("a@x.example", "b@x.example"))).status()).as("the cap is per type").isEqualTo(201);
    }

    @Test
    void rolesTenantsAndBadInputAreChecked() {
        TenantClient tenant = new TenantClient();
        TenantClient other = new TenantClient();
        String id = (String) first(TenantClient.post(ENTRIES, tenant.admin, Map.of("type", "SENDER",
                "values", List.of("spammer@elsewhere.example"))).json().get("created")).get("id");
        assertThat(TenantClient.post(ENTRIES, tenant.reader, Map.of("type", "SENDER", "values", List.of("a@b.example")))
                .status()).isEqualTo(403);
        assertThat(Http.get(ENTRIES, tenant.mailFlow).status()).isEqualTo(403);
        assertThat(Http.get(ENTRIES, null).status()).isEqualTo(401);
        assertThat(Http.get(ENTRIES, other.reader).items()).as("another tenant's list").isEmpty();
        assertThat(TenantClient.send("DELETE", ENTRIES + "/" + id, other.admin, Map.of()).status()).isEqualTo(404);
        Http.Response badId = TenantClient.send("DELETE", ENTRIES + "/nope", tenant.admin, Map.of());
        assertThat(badId.status()).isEqualTo(400);
        assertThat((String) badId.json().get("detail")).contains("'nope'");
        Http.Response badType = TenantClient.post(ENTRIES, tenant.admin, Map.of("type", "HOST", "values", List.of("x")));
        assertThat(badType.status()).isEqualTo(400);
        assertThat((String) badType.json().get("detail")).startsWith("type: ");
        Http.Response past = TenantClient.post(ENTRIES, tenant.admin, Map.of("type", "IP", "values",
                List.of("192.0.2.1"), "expiresAt", "2001-01-01T00:00:00Z"));
        assertThat(past.status()).isEqualTo(400);
        assertThat((String) past.json().get("detail")).startsWith("expiresAt: ").contains("not in the future");

        assertThat(TenantClient.send("DELETE", ENTRIES + "/" + id, tenant.admin, Map.of()).status()).isEqualTo(204);
        assertThat(Http.get(ENTRIES, tenant.reader).items()).isEmpty();
        List<Map<String, Object>> audit = Http.get("/api/v1/audit-log", tenant.reader).items();
        assertThat(audit).extracting(a -> a.get("action")).startsWith("block-list.remove", "block-list.add");
    }

    @Test
    void outboundMailToARecipientOnTheTenantsListIsRejectedNamingThem() {
        TenantClient tenant = new TenantClient();
        String partner = "partner-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        assertThat(TenantClient.post(ENTRIES, tenant.admin, Map.of("type", "DOMAIN", "values", List.of(partner)))
                .status()).isEqualTo(201);
        Map<String, Object> answer = tenant.outbound(tenant.user("ann"),
                List.of("a@" + partner, "friend@elsewhere.example", "B@" + partner.toUpperCase()), "CLEAN").json();
        assertThat(answer).containsEntry("action", "REJECT").containsEntry("smtpReply",
                "550 5.7.703 Your message can't be delivered because messages to a@" + partner + ", b@" + partner
                        + " are blocked by your organization");
        assertThat(OutboundSpamTest.ndr(answer)).contains("email administrator");
        assertThat(tenant.outbound(tenant.user("ann"), List.of("a@sub." + partner), "CLEAN").json())
                .as("the entry names that domain only").containsEntry("action", "DELIVER");
    }

    @Test
    void inboundMailIsCheckedAgainstTheServiceListAndTheTenantsList() throws IOException, InterruptedException {
        TenantClient tenant = new TenantClient();
        String net = TestApplication.uniqueNet();
        assertThat(cli("blocklist", "add", net + "0/24", "--type", "IP", "--reason", "spam source").exitCode())
                .isZero();
        assertThat(cli("blocklist", "add", net + "9", "--type", "IP", "--reason", "abuse", "--not-delistable")
                .exitCode()).isZero();

        Map<String, Object> delistable = inbound(tenant, "someone@elsewhere.example", net + "7", List.of()).json();
        assertThat(delistable).containsEntry("action", "REJECT").containsEntry("smtpReply", "550 5.7.606 Access "
                + "denied, banned sending IP [" + net + "7]. To request removal from this list please visit "
                + TestApplication.uri("/delist") + " and follow the directions.");
        assertThat(OutboundSpamTest.ndr(delistable)).contains(TestApplication.uri("/delist?ip=" + net + "7") + ",");
        Map<String, Object> banned = inbound(tenant, "someone@elsewhere.example", net + "9", List.of()).json();
        assertThat((String) banned.get("smtpReply")).startsWith("550 5.7.511 Access denied, banned sender [" + net
                + "9]. To request removal from this list, contact ");
        assertThat(inbound(tenant, "someone@elsewhere.example", "2001:db8::7", List.of()).json())
                .containsEntry("action", "ACCEPT").containsEntry("smtpReply", null).containsEntry("ndr", null);
        assertThat((String) inbound(tenant, "someone@elsewhere.example", "2001:db8::7",
                List.of("http://" + net + "7/login")).json().get("smtpReply"))
                .as("a delistable IP in a link is not the sender's to delist: no portal")
                .startsWith("550 5.7.511 Access denied, banned sender [2001:db8::7].");

        String small = TestApplication.uniqueNet();
        Path csv = Files.writeString(Files.createTempFile("capped", ".csv"), "type,value,reason,expiresAt,notes,"
                + "delistable,exceptions\nIP," + small + "0/28,spam,never,,true," + small + "1\n");
        assertThat(cli("blocklist", "import", csv.toString()).exitCode()).isZero();
        assertThat(awaitRejected(() -> inbound(tenant, "someone@elsewhere.example", small + "2", List.of())))
                .as("a /28 with the one exception the portal gives it: Support, not the portal")
                .startsWith("550 5.7.511 ");
        assertThat(first(Http.get("/api/v1/listings?value=" + small + "2", tenant.reader).json().get("service")))
                .containsEntry("delistable", true).containsEntry("portalCanLift", false);
        assertThat(first(Http.get("/api/v1/listings?value=" + net + "7", tenant.reader).json().get("service")))
                .containsEntry("portalCanLift", true);

        String site = "shop-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        assertThat(TenantClient.post(ENTRIES, tenant.admin, Map.of("type", "URL", "values",
                List.of("https://" + site + "/promo?x=1"))).status()).isEqualTo(201);
        assertThat(inbound(tenant, "someone@elsewhere.example", "192.0.2.10",
                List.of("http://" + site + "/promo/today")).json())
                .containsEntry("smtpReply", "550 5.7.1 Message rejected: the sender or a link in the message is "
                        + "blocked by the recipient's organization");
        assertThat(inbound(tenant, "someone@elsewhere.example", "192.0.2.10", List.of("http://" + site + "/other"))
                .json()).containsEntry("action", "ACCEPT");
        assertThat(inbound(new TenantClient(), "someone@elsewhere.example", "192.0.2.10",
                List.of("http://" + site + "/promo")).json()).as("another tenant's list").containsEntry("action", "ACCEPT");

        Http.Response badIp = inbound(tenant, "someone@elsewhere.example", "300.1.1.1", List.of());
        assertThat(badIp.status()).isEqualTo(400);
        assertThat((String) badIp.json().get("detail")).startsWith("clientIp: ");
    }

    @Test
    void anEntryStopsMatchingAtItsExpiry() {
        TenantClient tenant = new TenantClient();
        Instant expiry = TestApplication.clock().instant().plus(Duration.ofHours(2));
        String sender = "expiring-" + UUID.randomUUID().toString().substring(0, 8) + "@elsewhere.example";
        assertThat(TenantClient.post(ENTRIES, tenant.admin, Map.of("type", "SENDER", "values", List.of(sender),
                "expiresAt", expiry.toString())).status()).isEqualTo(201);
        TestApplication.clock().advanceTo(expiry.minusMillis(1));
        assertThat(inbound(tenant, sender, "192.0.2.10", List.of()).json()).containsEntry("action", "REJECT");
        assertThat(Http.get("/api/v1/listings?value=" + sender, tenant.reader).json()).containsEntry("listed", true);
        TestApplication.clock().advanceTo(expiry);
        assertThat(inbound(tenant, sender, "192.0.2.10", List.of()).json()).containsEntry("action", "ACCEPT");
        assertThat(Http.get("/api/v1/listings?value=" + sender, tenant.reader).json()).containsEntry("listed", false);
        assertThat(Http.get(ENTRIES, tenant.reader).items()).as("expired entries are not listed").isEmpty();
    }

    @Test
    void listingsShowTheServiceAndTheTenantParts() {
        TenantClient tenant = new TenantClient();
        String domain = "listed-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        assertThat(cli("blocklist", "add", "*." + domain, "--type", "DOMAIN", "--reason", "phishing").exitCode())
                .isZero();
        assertThat(TenantClient.post(ENTRIES, tenant.admin, Map.of("type", "SENDER",
                "values", List.of("boss@mail." + domain))).status()).isEqualTo(201);
        Map<String, Object> listings = Http.get("/api/v1/listings?value=boss@Mail." + domain, tenant.reader).json();
        assertThat(listings).containsEntry("value", "boss@mail." + domain).containsEntry("listed", true);
        assertThat(values(listings.get("service"))).containsExactly("*." + domain);
        assertThat(values(listings.get("tenant"))).containsExactly("boss@mail." + domain);
        assertThat(Http.get("/api/v1/listings?value=" + domain, tenant.reader).json())
                .as("*. covers subdomains only").containsEntry("listed", false);
        Http.Response bad = Http.get("/api/v1/listings?value=" + TenantClient.encode("http://"), tenant.reader);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(Http.get("/api/v1/listings?value=x.example", tenant.mailFlow).status()).isEqualTo(403);
    }

    @Test
    void spamFromThreeSendersPointingAtOneDomainListsIt() throws InterruptedException {
        TenantClient tenant = new TenantClient();
        String domain = "spam-" + UUID.randomUUID().toString().substring(0, 8) + ".co.uk";
        for (String sender : List.of("a", "b")) {
            spam(tenant, tenant.user(sender), "http://x." + domain + "/p");
        }
        spam(tenant, tenant.user("a"), "https://www." + domain);
        Thread.sleep(300);
        assertThat(Http.get("/api/v1/listings?value=" + domain, tenant.reader).json())
                .as("two senders are not enough").containsEntry("listed", false);
        spam(tenant, tenant.user("c"), "http://deep.x." + domain + "/other?q=1");

        Map<String, Object> listings = awaitListed(tenant, "a.b." + domain);
        Map<String, Object> entry = first(listings.get("service"));
        assertThat(entry).containsEntry("value", "*." + domain).containsEntry("source", "SPAM_MESSAGE")
                .containsEntry("delistable", true);
        assertThat(values(Http.get("/api/v1/listings?value=" + domain, tenant.reader).json().get("service")))
                .containsExactly(domain);

        // Support removes both entries: the spam that listed them is answered for, as by a delisting.
        for (String value : List.of(domain, "a.b." + domain)) {
            String id = (String) first(Http.get("/api/v1/listings?value=" + value, tenant.reader).json().get("service"))
                    .get("id");
            assertThat(TestApplication.cli("blocklist", "remove", id).exitCode()).isZero();
        }
        spam(tenant, tenant.user("d"), "http://x." + domain + "/again");
        Thread.sleep(1000);
        assertThat(Http.get("/api/v1/listings?value=" + domain, tenant.reader).json())
                .as("one more message does not list it again").containsEntry("listed", false);
    }

    /** A domain listed by hand (exactly) still gets its subdomains listed when spam points into them. */
    @Test
    void spamListsTheSubdomainsOfADomainListedByHand() throws InterruptedException {
        TenantClient tenant = new TenantClient();
        String domain = "byhand-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        assertThat(TestApplication.cli("blocklist", "add", domain, "--type", "DOMAIN", "--reason", "reported")
                .exitCode()).isZero();
        for (String sender : List.of("a", "b", "c")) {
            spam(tenant, tenant.user(sender), "http://shop." + domain + "/deal");
        }
        Map<String, Object> entry = first(awaitListed(tenant, "shop." + domain).get("service"));
        assertThat(entry).containsEntry("value", "*." + domain).containsEntry("source", "SPAM_MESSAGE");
        assertThat(first(Http.get("/api/v1/listings?value=" + domain, tenant.reader).json().get("service")))
                .as("the entry by hand stays as it was").containsEntry("source", "MANUAL");
    }

    @Test
    void spamRefusedAsSentInAnotherOrganisationsNameFeedsNothing() throws InterruptedException {
        TenantClient tenant = new TenantClient();
        String domain = "forged-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        for (String sender : List.of("x@bank.example", "y@bank.example", tenant.user("a"), tenant.user("b"))) {
            spam(tenant, sender, "http://www." + domain + "/login");
        }
        Thread.sleep(1000);
        assertThat(Http.get("/api/v1/listings?value=" + domain, tenant.reader).json())
                .as("two senders counted: refused 5.7.750, the others cost nothing to invent")
                .containsEntry("listed", false);
        spam(tenant, tenant.user("c"), "http://www." + domain + "/login");
        assertThat(awaitListed(tenant, domain)).containsEntry("listed", true);
    }

    @Test
    void anAdminMayDelistTheirOwnDomainFromSpamAsOftenAsTheLimitAllows() throws InterruptedException {
        TenantClient owner = new TenantClient();
        String own = owner.domain;
        assertThat(TestApplication.cli("tenant", "update", owner.name, "--unblock-limit", "1").exitCode()).isZero();
        TenantClient others = new TenantClient();
        for (String sender : List.of("a", "b", "c")) {
            spam(others, others.user(sender), "http://shop." + own + "/deal");
        }
        Thread.sleep(1000);
        assertThat(Http.get("/api/v1/listings?value=shop." + own, owner.reader).json())
                .as("another tenant's senders alone do not list a tenant's domain").containsEntry("listed", false);
        spam(owner, owner.user("a"), "http://shop." + own + "/deal");
        Thread.sleep(1000);
        assertThat(Http.get("/api/v1/listings?value=shop." + own, owner.reader).json())
                .as("one of its own senders among them is not enough").containsEntry("listed", false);
        for (String sender : List.of("b", "c")) {
            spam(owner, owner.user(sender), "http://shop." + own + "/deal");
        }
        assertThat(awaitListed(owner, "shop." + own)).as("three of its own senders")
                .containsEntry("listed", true);

        Http.Response notOwn = TenantClient.post("/api/v1/delisting-requests", owner.admin, Map.of("value", "other.net"));
        assertThat(notOwn.status()).isEqualTo(400);
        assertThat(notOwn.json()).containsEntry("type", "not-own-domain");
        Http.Response subdomain = TenantClient.post("/api/v1/delisting-requests", owner.admin,
                Map.of("value", "www." + own));
        assertThat(subdomain.status()).as("nothing from spam listed under that name").isEqualTo(404);
        assertThat((String) subdomain.json().get("detail")).as("it names what to delist")
                .contains("subdomain of '" + own + "', delist '" + own + "'");
        Http.Response delisted = TenantClient.post("/api/v1/delisting-requests", owner.admin,
                Map.of("value", own, "reason", "our shop"));
        assertThat(delisted.status()).as(delisted.body()).isEqualTo(201);
        assertThat(delisted.json()).containsEntry("list", "SERVICE").containsEntry("status", "RESOLVED")
                .containsEntry("value", own);
        assertThat((String) delisted.json().get("outcome")).contains(own).contains("*." + own);
        assertThat(Http.get("/api/v1/listings?value=shop." + own, owner.reader).json()).containsEntry("listed", false);

        spam(owner, owner.user("d"), "http://shop." + own + "/again");
        Thread.sleep(1000);
        assertThat(Http.get("/api/v1/listings?value=shop." + own, owner.reader).json())
                .as("the spam that listed it is answered for: one more message does not list it again")
                .containsEntry("listed", false);
        for (String sender : List.of("e", "f")) {
            spam(owner, owner.user(sender), "http://shop." + own + "/again");
        }
        assertThat(awaitListed(owner, "shop." + own)).as("three new senders list it again")
                .containsEntry("listed", true);
        Http.Response limited = TenantClient.post("/api/v1/delisting-requests", owner.admin, Map.of("value", own));
        assertThat(limited.status()).isEqualTo(409);
        assertThat(limited.json()).containsEntry("type", "delisting-limit-reached");
        assertThat((String) limited.json().get("detail")).contains("contact Support");
        assertThat(Http.get("/api/v1/delisting-requests", owner.admin).items()).hasSize(1);
        assertThat(Http.get("/api/v1/audit-log", owner.admin).items()).extracting(a -> a.get("action"))
                .contains("block-list.delist");
    }

    private static void spam(TenantClient tenant, String sender, String url) {
        Http.Response response = TenantClient.post("/api/v1/mail-flow/outbound", tenant.mailFlow, Map.of(
                "messageId", UUID.randomUUID().toString(), "sender", sender,
                "recipients", List.of("victim@elsewhere.example"), "verdict", "SPAM", "urls", List.of(url)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** The reply once the import has reached the server's index, which follows the database's changes. */
    private static String awaitRejected(Supplier<Http.Response> decision)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String reply;
        while ((reply = (String) decision.get().json().get("smtpReply")) == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return reply;
    }

    /** The spam feed lists on a thread of its own; on a busy machine that can take seconds. */
    private static Map<String, Object> awaitListed(TenantClient tenant, String value) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<String, Object> listings;
        do {
            listings = Http.get("/api/v1/listings?value=" + value, tenant.reader).json();
            if (Boolean.TRUE.equals(listings.get("listed")) || System.nanoTime() > deadline) {
                return listings;
            }
            Thread.sleep(50);
        } while (true);
    }

    static Http.Response inbound(TenantClient tenant, String sender, String clientIp, List<String> urls) {
        return TenantClient.post("/api/v1/mail-flow/inbound", tenant.mailFlow, Map.of("messageId",
                UUID.randomUUID().toString(), "sender", sender, "clientIp", clientIp,
                "recipients", List.of(tenant.user("inbox")), "urls", urls));
    }

    private static TestApplication.CliResult cli(String... args) {
        TestApplication.CliResult result = TestApplication.cli(args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> first(Object entries) {
        return ((List<Map<String, Object>>) entries).get(0);
    }

    @SuppressWarnings("unchecked")
    static List<Object> values(Object entries) {
        return ((List<Map<String, Object>>) entries).stream().map(e -> e.get("value")).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> details(Object errors) {
        return ((List<Map<String, Object>>) errors).stream().map(e -> e.get("value") + ": " + e.get("detail")).toList();
    }
}
