package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.senderguard.adapters.dns.MimicLists;
import org.senderguard.adapters.dns.RequiresRbldnsd;

/**
 * Third-party lists over HTTP and the CLI against a real DNS server (rbldnsd) serving zones that
 * answer like Spamhaus, SURBL and the others: the catalog, reputation checks with their meanings,
 * error answers never counted as listings, list health, delisting requests, inbound decisions,
 * and PhishTank's feed.
 */
@RequiresRbldnsd
class ThirdPartyListsTest {

    @TempDir
    Path dir;

    @Test
    void theCatalogIsSeededAndOperatorsExtendIt() {
        TenantClient tenant = new TenantClient();
        Http.Response catalog = Http.get("/api/v1/third-party-lists", tenant.mailFlow);
        assertThat(catalog.status()).isEqualTo(200);
        assertThat(catalog.jsonList()).extracting(l -> l.get("name")).contains("Spamhaus ZEN", "Spamhaus DBL", "SURBL",
                "URIBL", "invaluement", "PhishTank");
        assertThat(catalog.jsonList()).filteredOn(l -> "Spamhaus ZEN".equals(l.get("name"))).first()
                .satisfies(l -> assertThat(l).containsEntry("zone", "zen.spamhaus.org")
                        .containsEntry("answers", "SPAMHAUS_ZEN"));
        String name = mimic("zen", MimicLists.ZEN, "IP", "SPAMHAUS_ZEN");
        TestApplication.CliResult duplicate = TestApplication.cli("third-party", "add", name, "--zone", "x.test",
                "--delist-url", "https://x.test/");
        assertThat(duplicate.exitCode()).isEqualTo(2);
        assertThat(duplicate.err()).contains("exists");
        TestApplication.CliResult badZone = TestApplication.cli("third-party", "add", "bad-" + unique(), "--zone",
                "not a zone", "--delist-url", "https://x.test/");
        assertThat(badZone.exitCode()).isEqualTo(2);
        assertThat(badZone.err()).contains("zone");
        TestApplication.CliResult noZone = TestApplication.cli("third-party", "add", "bad-" + unique(),
                "--delist-url", "https://x.test/");
        assertThat(noZone.exitCode()).isEqualTo(2);
        assertThat(noZone.err().strip()).isEqualTo("senderguard: --zone: a DNS zone name is required, e.g. --zone "
                + "zen.spamhaus.org: senderguard asks the lists it adds over DNS");
        TestApplication.CliResult ipZone = TestApplication.cli("third-party", "add", "bad-" + unique(), "--zone",
                "127.0.0.2", "--delist-url", "https://x.test/");
        assertThat(ipZone.exitCode()).isEqualTo(2);
        assertThat(ipZone.err()).contains("its last label is a number");
        TestApplication.CliResult emptied = TestApplication.cli("third-party", "update", name, "--zone", "");
        assertThat(emptied.exitCode()).isEqualTo(2);
        assertThat(emptied.err()).contains("to stop asking a list, --disable it");
        assertThat(Http.get("/api/v1/third-party-lists", tenant.mailFlow).jsonList())
                .filteredOn(l -> name.equals(l.get("name"))).first()
                .satisfies(l -> assertThat(l).containsEntry("zone", MimicLists.ZEN));
        assertThat(TestApplication.cli("third-party", "update", name, "--disable").exitCode()).isZero();
        assertThat(check("127.0.0.2")).noneMatch(r -> name.equals(r.get("list")));
    }

    @Test
    void aCheckNamesTheSubListsAndPortalsAndNeverCountsAnErrorAsAListing() {
        String zen = mimic("zen", MimicLists.ZEN, "IP", "SPAMHAUS_ZEN");
        String dbl = mimic("dbl", MimicLists.DBL, "DOMAIN", "SPAMHAUS_DBL");
        Map<String, Object> listed = result(check("127.0.0.2"), zen);
        assertThat(listed).containsEntry("status", "LISTED").containsEntry("delistUrl", "https://check.spamhaus.org/");
        assertThat(String.join(" ", strings(listed.get("meanings")))).contains("SBL").contains("XBL").contains("PBL");
        assertThat(result(check("192.0.2.254"), zen)).as("a public resolver's error code")
                .containsEntry("status", "REFUSED");
        assertThat(result(check("192.0.2.200"), zen)).containsEntry("status", "NOT_LISTED");
        assertThat(result(check("2001:db8::2"), zen)).as("IPv6 nibbles").containsEntry("status", "LISTED");
        assertThat(result(check("user@phish.example"), dbl)).containsEntry("status", "LISTED")
                .satisfies(r -> assertThat(String.join(" ", strings(r.get("meanings")))).containsIgnoringCase("phish"));
        assertThat(result(check("http://open-resolver.example/x"), dbl)).containsEntry("status", "REFUSED");

        TenantClient tenant = new TenantClient();
        Map<String, Object> listings = Http.get("/api/v1/listings?value=127.0.0.2", tenant.reader).json();
        assertThat(listings).containsEntry("listed", true);
        assertThat(Http.get("/api/v1/listings?value=192.0.2.254", tenant.reader).json())
                .as("refused is not listed").containsEntry("listed", false);

        Map<String, Object> lookup = TestApplication.cli("blocklist", "lookup", "127.0.0.2", "--output", "json").json();
        assertThat(lookup).containsEntry("listed", true);
        assertThat(result(maps(lookup.get("thirdParty")), zen)).containsEntry("status", "LISTED");
        assertThat(TestApplication.cli("blocklist", "lookup", "127.0.0.2").out()).as("entries, then the third-party answers")
                .contains("LIST").contains(zen + "  ");

        TestApplication.CliResult health = TestApplication.cli("third-party", "health", "--output", "json");
        assertThat(health.exitCode()).as(health.err()).isZero();
        assertThat(health.out()).contains("{\"list\":\"" + zen + "\",\"verdict\":\"HEALTHY\"")
                .contains("{\"list\":\"Spamhaus ZEN\",\"verdict\":\"NOT_ANSWERING\"");
    }

    @Test
    void aDelistingRequestResolvesOnceTheValueLeavesTheList() {
        String list = mimic("changing", TestDns.CHANGING_ZONE, "IP", "PLAIN");
        TenantClient tenant = new TenantClient();
        assertThat(result(check(TestDns.CHANGING_LISTED), list)).containsEntry("status", "LISTED");
        Http.Response requested = TenantClient.post("/api/v1/delisting-requests", tenant.admin,
                Map.of("value", TestDns.CHANGING_LISTED, "list", list, "reason", "fixed the relay"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        assertThat(requested.json()).containsEntry("status", "PENDING").containsEntry("list", list);
        Http.Response again = TenantClient.post("/api/v1/delisting-requests", tenant.admin,
                Map.of("value", TestDns.CHANGING_LISTED, "list", list.toLowerCase(Locale.ROOT)));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("delisting-already-requested").contains((String) requested.json().get("id"));
        TenantClient racing = new TenantClient();
        List<Http.Response> raced = IntStream.range(0, 6).mapToObj(i -> CompletableFuture.supplyAsync(() ->
                        TenantClient.post("/api/v1/delisting-requests", racing.admin,
                                Map.of("value", TestDns.CHANGING_LISTED, "list", list))))
                .toList().stream().map(CompletableFuture::join).toList();
        assertThat(raced).as("one stored, the others told which").filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(raced).filteredOn(r -> r.status() != 201).allSatisfy(r -> assertThat(r.body())
                .contains("delisting-already-requested"));
        Http.Response wrongKind = TenantClient.post("/api/v1/delisting-requests", tenant.admin,
                Map.of("value", "example.com", "list", list));
        assertThat(wrongKind.status()).as("an IP list lists no domains").isEqualTo(400);
        assertThat(wrongKind.body()).contains(list + " lists IP values; 'example.com' is checked as a DOMAIN value");
        Http.Response noZone = TenantClient.post("/api/v1/delisting-requests", tenant.admin,
                Map.of("value", "https://contoso.example/login", "list", "PhishTank"));
        assertThat(noZone.status()).isEqualTo(400);
        assertThat(noZone.body()).contains("PhishTank has no DNS zone").contains("ask at https://www.phishtank.com/");

        TestDns.server().update(TestDns.changingZone());
        TestApplication.clock().advance(Duration.ofHours(2)); // past the cached answer's TTL
        assertThat(result(check(TestDns.CHANGING_LISTED), list)).containsEntry("status", "NOT_LISTED");
        Map<String, Object> resolved = Http.get("/api/v1/delisting-requests", tenant.admin).items().get(0);
        assertThat(resolved).containsEntry("status", "RESOLVED").containsEntry("value", TestDns.CHANGING_LISTED);
        assertThat(resolved.get("resolvedAt")).isNotNull();
        assertThat(TenantClient.post("/api/v1/delisting-requests", tenant.admin,
                Map.of("value", TestDns.CHANGING_LISTED, "list", list)).status()).as("asked again once resolved")
                .isEqualTo(201);
        assertThat(Http.get("/api/v1/delisting-requests", tenant.admin).items()).as("stored once while pending")
                .hasSize(2);
        TestDns.server().update(TestDns.changingZone(TestDns.CHANGING_LISTED));
    }

    @Test
    void listsOfRegisteredDomainsAreAskedAboutAHostByItsRegisteredDomainAndAnswerTheirTestPoints() {
        String surbl = mimic("surbl", MimicLists.SURBL, "DOMAIN", "SURBL");
        String uribl = mimic("uribl", MimicLists.URIBL, "DOMAIN", "URIBL");
        String dbl = mimic("dbl", MimicLists.DBL, "DOMAIN", "SPAMHAUS_DBL");
        assertThat(result(check("http://www.abuse.example/landing"), surbl)).containsEntry("status", "LISTED");
        assertThat(result(check("user@mail.black.example"), uribl)).containsEntry("status", "LISTED");
        assertThat(result(check("www.dbltest.com"), dbl)).as("the DBL: the host, then its registered domain")
                .containsEntry("status", "LISTED");
        assertThat(result(check("www.not-listed.example"), surbl)).containsEntry("status", "NOT_LISTED");

        TenantClient tenant = new TenantClient();
        Http.Response requested = TenantClient.post("/api/v1/delisting-requests", tenant.admin,
                Map.of("value", "http://www.abuse.example/landing", "list", surbl));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        assertThat(requested.json()).as("followed as the list lists it").containsEntry("value", "abuse.example");
        assertThat(TenantClient.post("/api/v1/delisting-requests", tenant.admin,
                Map.of("value", "abuse.example", "list", surbl)).status()).as("the same request").isEqualTo(409);
        check("http://www.abuse.example/landing");
        check("www.abuse.example");
        assertThat(Http.get("/api/v1/delisting-requests", tenant.admin).items().get(0))
                .as("still listed: the host's check does not resolve it").containsEntry("status", "PENDING");

        String health = TestApplication.cli("third-party", "health", "--output", "json").out();
        for (String list : List.of(surbl, uribl, dbl)) {
            assertThat(health).contains("{\"list\":\"" + list + "\",\"verdict\":\"HEALTHY\"");
        }
    }

    @Test
    void inboundMailConsultsTheListsWhenTheTenantAsks() {
        String zen = mimic("zen", MimicLists.ZEN, "IP", "SPAMHAUS_ZEN");
        TenantClient tenant = new TenantClient();
        assertThat(BlockListTest.inbound(tenant, "a@fabrikam.example", "192.0.2.2", List.of()).json())
                .as("off by default").containsEntry("action", "ACCEPT");
        assertThat(TestApplication.cli("tenant", "update", tenant.name, "--third-party-checks", "true").exitCode())
                .isZero();
        Map<String, Object> rejected = BlockListTest.inbound(tenant, "a@fabrikam.example", "192.0.2.2", List.of()).json();
        assertThat((String) rejected.get("smtpReply")).startsWith("550 5.7.1 ").contains("[192.0.2.2]").contains(zen);
        assertThat(BlockListTest.inbound(tenant, "a@fabrikam.example", "192.0.2.254", List.of()).json())
                .as("never because of an error answer").containsEntry("action", "ACCEPT");
    }

    @Test
    void phishTanksFeedBecomesThirdPartyUrlEntries() throws IOException {
        String tag = unique();
        Path feed = dir.resolve("online-valid.json");
        Files.writeString(feed, "[{\"phish_id\":\"1\",\"url\":\"http://login-" + tag + ".example/verify\","
                + "\"verified\":\"yes\",\"online\":\"yes\"},"
                + "{\"phish_id\":\"2\",\"url\":\"http://gone-" + tag + ".example/\",\"verified\":\"yes\",\"online\":\"no\"},"
                + "{\"phish_id\":\"3\",\"url\":\"mailto:x@y\",\"verified\":\"yes\",\"online\":\"yes\"}]");
        TestApplication.CliResult imported = TestApplication.cli("third-party", "import-phishtank", feed.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported 1 PhishTank URLs; 0 already listed, 1 skipped");
        Map<String, Object> lookup = TestApplication.cli("blocklist", "lookup", "https://login-" + tag
                + ".example/verify/account?id=1", "--output", "json").json();
        assertThat(BlockListTest.first(lookup.get("service"))).containsEntry("source", "THIRD_PARTY")
                .containsEntry("notes", "phish_id 1");
    }

    @Test
    void phishTanksCsvFeedImportsToo() throws IOException {
        String tag = unique();
        Path feed = dir.resolve("online-valid.csv");
        Files.writeString(feed, "phish_id,url,phish_detail_url,submission_time,verified,verification_time,online,"
                + "target\n7,https://pay-" + tag + ".example/x,https://www.phishtank.com/phish_detail.php?phish_id=7,"
                + "2026-11-01T00:00:00+00:00,yes,2026-11-01T01:00:00+00:00,yes,Other\n");
        TestApplication.CliResult imported = TestApplication.cli("third-party", "import-phishtank", feed.toString());
        assertThat(imported.out()).as(imported.err()).contains("imported 1 PhishTank URLs");
        assertThat(TestApplication.cli("blocklist", "lookup", "http://pay-" + tag + ".example/x/y", "--output", "json")
                .json()).containsEntry("listed", true);
    }

    @Test
    void whatIsNoPhishTankFeedIsRefusedInOneLine() throws IOException {
        Map<String, String> refused = Map.of(
                "[{\"phish_id\":\"1\",\"url\":\"http://pt.example/login\",", "its JSON is not an array of phishes",
                "[1,2,3]", "its JSON is not an array of phishes",
                "[null]", "phish 1 of its array is null, not an object",
                "root:x:0:0:root:/root:/bin/bash\n", "its header line has no url column",
                "phish_id,url\n1,\"http://unclosed.example/\n", "it is not valid CSV",
                "", "it is empty");
        int n = 0;
        for (Map.Entry<String, String> file : refused.entrySet()) {
            Path feed = Files.writeString(dir.resolve("feed-" + n++), file.getKey());
            TestApplication.CliResult result = TestApplication.cli("third-party", "import-phishtank", feed.toString());
            assertThat(result.exitCode()).as(file.getKey()).isEqualTo(2);
            assertThat(result.err().strip()).isEqualTo("senderguard: FILE: '" + feed + "' is not a PhishTank feed (a"
                    + " JSON array, or CSV with a url column): " + file.getValue());
        }
        TestApplication.CliResult directory = TestApplication.cli("third-party", "import-phishtank", dir.toString());
        assertThat(directory.exitCode()).isEqualTo(2);
        assertThat(directory.err().strip()).isEqualTo("senderguard: FILE: '" + dir + "' is a directory, not a file");
    }

    /** A list in the catalog answering from one of the test zones, under a name of its own. */
    private static String mimic(String prefix, String zone, String kinds, String answers) {
        String name = prefix + "-" + unique();
        TestApplication.CliResult added = TestApplication.cli("third-party", "add", name, "--zone", zone, "--lists",
                kinds, "--answers", answers, "--delist-url", "https://check.spamhaus.org/");
        assertThat(added.exitCode()).as(added.err()).isZero();
        return name;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> check(String value) {
        TestApplication.CliResult result = TestApplication.cli("reputation", "check", value, "--output", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return (List<Map<String, Object>>) result.json().get("results");
    }

    private static Map<String, Object> result(List<Map<String, Object>> results, String list) {
        return results.stream().filter(r -> list.equals(r.get("list"))).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + list + " in " + results));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(Object list) {
        return (List<Map<String, Object>>) list;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return (List<String>) list;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
