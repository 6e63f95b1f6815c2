package org.senderguard.adapters.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.senderguard.application.port.out.DnsResolver;
import org.senderguard.application.port.out.DnsResolver.Answer;
import org.senderguard.application.port.out.DnsResolver.Answer.Outcome;
import org.senderguard.domain.reputation.AnswerDecoder;
import org.senderguard.domain.reputation.CheckResult;
import org.senderguard.domain.reputation.CheckStatus;
import org.senderguard.domain.reputation.ListedKind;
import org.senderguard.domain.reputation.QueryNames;
import org.senderguard.domain.reputation.ThirdPartyList;

/** Queries a real DNS server: rbldnsd serving zones that answer like the seeded lists. */
@RequiresRbldnsd
class DnsjavaResolverTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private static Rbldnsd dns;
    private static DnsjavaResolver resolver;

    @BeforeAll
    static void startDns() {
        dns = MimicLists.start();
        resolver = new DnsjavaResolver(dns.address());
    }

    @AfterAll
    static void stopDns() {
        if (dns != null) {
            dns.close();
        }
    }

    private static Answer query(String name) {
        return resolver.queryA(name, TIMEOUT);
    }

    /** What the application does for one list and one value: name, query, decode. */
    private static CheckResult check(ThirdPartyList list, String value) {
        boolean ip = value.matches("[0-9.]+") || value.contains(":");
        String name = ip ? QueryNames.forIp(value, list.zone()) : QueryNames.forDomain(value, list.zone());
        Answer answer = resolver.queryA(name, TIMEOUT);
        return switch (answer.outcome()) {
            case ADDRESSES -> AnswerDecoder.decode(list, answer.addresses());
            case NXDOMAIN -> AnswerDecoder.notListed(list);
            case SERVFAIL -> AnswerDecoder.error(list, "server failure");
            case TIMEOUT -> AnswerDecoder.error(list, "timed out");
        };
    }

    @Test
    void findsAListedIpv4AddressUnderItsReversedName() {
        Answer answer = query("2.2.0.192." + MimicLists.ZEN);
        assertThat(answer.outcome()).isEqualTo(Outcome.ADDRESSES);
        assertThat(answer.addresses()).containsExactly("127.0.0.2");
    }

    @Test
    void readsTheTtlOfTheAnswer() {
        assertThat(query("2.2.0.192." + MimicLists.ZEN).ttl()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void answersEveryCodeOfTheTestPoint() {
        Answer answer = query(QueryNames.forIp("127.0.0.2", MimicLists.ZEN));
        assertThat(answer.outcome()).isEqualTo(Outcome.ADDRESSES);
        assertThat(answer.addresses()).containsExactlyInAnyOrder("127.0.0.2", "127.0.0.4", "127.0.0.10");
    }

    @Test
    void findsAListedIpv6AddressUnderItsNibbleName() {
        String name = QueryNames.forIp("2001:db8::2", MimicLists.ZEN);
        assertThat(name).isEqualTo("2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2." + MimicLists.ZEN);
        Answer answer = query(name);
        assertThat(answer.outcome()).isEqualTo(Outcome.ADDRESSES);
        assertThat(answer.addresses()).containsExactly("127.0.0.2");
        assertThat(query(QueryNames.forIp("2001:db8::3", MimicLists.ZEN)).outcome()).isEqualTo(Outcome.NXDOMAIN);
    }

    @Test
    void answersNxdomainForAValueNotListedWithTheNegativeTtl() {
        Answer answer = query(QueryNames.forIp("127.0.0.1", MimicLists.ZEN));
        assertThat(answer.outcome()).isEqualTo(Outcome.NXDOMAIN);
        assertThat(answer.addresses()).isEmpty();
        assertThat(answer.ttl()).isEqualTo(Duration.ofSeconds(60));
        assertThat(query(QueryNames.forDomain("not-listed.example", MimicLists.SURBL)).outcome())
                .isEqualTo(Outcome.NXDOMAIN);
    }

    @Test
    void anEmptyAnswerIsNotListedOnlyWithTheZonesSoa() {
        // A name with a record of another type: NOERROR and no address (RFC 2308 NODATA). With the
        // zone's SOA that is an answer; without it (a referral, a server that does not serve the
        // zone) it says nothing about the name, and must not read as "not listed".
        String records = "mx-only MX 10 mx.example\n";
        try (Rbldnsd dns = Rbldnsd.start(
                Rbldnsd.Zone.of("soa.test", "generic", "$SOA 300 ns.soa.test hostmaster.soa.test 0 1h 15m 1d 60\n"
                        + records),
                Rbldnsd.Zone.of("nosoa.test", "generic", records))) {
            DnsjavaResolver resolver = new DnsjavaResolver(dns.address());
            Answer nodata = resolver.queryA("mx-only.soa.test", TIMEOUT);
            assertThat(nodata.outcome()).as(dns.log()).isEqualTo(Outcome.NXDOMAIN);
            assertThat(nodata.ttl()).isEqualTo(Duration.ofSeconds(60));
            assertThat(resolver.queryA("mx-only.nosoa.test", TIMEOUT).outcome()).as(dns.log())
                    .isEqualTo(Outcome.SERVFAIL);
        }
    }

    @Test
    void aServerThatCannotBeReachedIsAFailureNotATimeout() throws Exception {
        int closed;
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            closed = socket.getLocalPort();
        }
        Answer answer = new DnsjavaResolver("127.0.0.1:" + closed).queryA("2.0.0.127." + MimicLists.ZEN, TIMEOUT);
        assertThat(answer.outcome()).as("the port is closed: nothing waited for").isEqualTo(Outcome.SERVFAIL);
    }

    @Test
    void takesNamesAsAbsoluteWithOrWithoutTheTrailingDot() {
        assertThat(query("2.2.0.192." + MimicLists.ZEN + ".").addresses()).containsExactly("127.0.0.2");
    }

    @Test
    void reportsARefusedQueryAsAServerFailure() {
        // rbldnsd refuses names outside the zones it serves.
        assertThat(query("www.example.org").outcome()).isEqualTo(Outcome.SERVFAIL);
    }

    @Test
    void timesOutQuicklyWhenNothingAnswers() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            DnsjavaResolver toSilence = new DnsjavaResolver("127.0.0.1:" + silent.getLocalPort());
            long start = System.nanoTime();
            Answer answer = toSilence.queryA("2.0.0.127." + MimicLists.ZEN, Duration.ofMillis(300));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(answer.outcome()).isEqualTo(Outcome.TIMEOUT);
            assertThat(answer.addresses()).isEmpty();
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void answersParallelQueriesEachWithItsOwnAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Answer>> listed = pool.invokeAll(java.util.Collections.nCopies(20,
                    () -> query("2.2.0.192." + MimicLists.ZEN)));
            List<Future<Answer>> notListed = pool.invokeAll(java.util.Collections.nCopies(20,
                    () -> query("1.0.0.127." + MimicLists.ZEN)));
            for (Future<Answer> answer : listed) {
                assertThat(answer.get().addresses()).containsExactly("127.0.0.2");
            }
            for (Future<Answer> answer : notListed) {
                assertThat(answer.get().outcome()).isEqualTo(Outcome.NXDOMAIN);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void decodesSpamhausZenEndToEnd() {
        ThirdPartyList zen = MimicLists.list("Spamhaus ZEN");
        CheckResult sbl = check(zen, "192.0.2.2");
        assertThat(sbl.status()).isEqualTo(CheckStatus.LISTED);
        assertThat(sbl.meanings()).singleElement().asString().startsWith("SBL:");
        assertThat(sbl.delistUrl()).isEqualTo("https://check.spamhaus.org/");
        assertThat(check(zen, "192.0.2.3").meanings()).singleElement().asString().startsWith("SBL CSS");
        assertThat(check(zen, "192.0.2.9").meanings()).singleElement().asString().startsWith("SBL DROP");
        assertThat(check(zen, "192.0.2.4").meanings()).singleElement().asString().startsWith("XBL");
        assertThat(check(zen, "192.0.2.11").meanings()).singleElement().asString().contains("listed by Spamhaus");
        assertThat(check(zen, "::ffff:192.0.2.10").meanings()).singleElement().asString().contains("its ISP");
        CheckResult testPoint = check(zen, "127.0.0.2");
        assertThat(testPoint.codes()).containsExactly("127.0.0.2", "127.0.0.4", "127.0.0.10");
        assertThat(testPoint.meanings()).extracting(meaning -> meaning.split(":")[0])
                .containsExactly("SBL", "XBL", "PBL");
        assertThat(check(zen, "2001:db8::2").status()).isEqualTo(CheckStatus.LISTED);
        assertThat(check(zen, "127.0.0.1").status()).isEqualTo(CheckStatus.NOT_LISTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.252", "192.0.2.254", "192.0.2.255"})
    void neverCountsSpamhausErrorCodesAsListings(String ip) {
        CheckResult result = check(MimicLists.list("Spamhaus ZEN"), ip);
        assertThat(result.status()).isEqualTo(CheckStatus.REFUSED);
        assertThat(result.codes()).singleElement().asString().startsWith("127.255.255.");
        assertThat(result.delistUrl()).isNull();
    }

    @Test
    void decodesSpamhausDblEndToEnd() {
        ThirdPartyList dbl = MimicLists.list("Spamhaus DBL");
        assertThat(dbl.checks(ListedKind.DOMAIN)).isTrue();
        assertThat(check(dbl, "DBLtest.com").meanings()).containsExactly("spam domain");
        assertThat(check(dbl, "phish.example").meanings()).containsExactly("phishing domain");
        assertThat(check(dbl, "malware.example").meanings()).containsExactly("malware domain");
        assertThat(check(dbl, "botnet.example").meanings()).containsExactly("botnet command-and-control domain");
        assertThat(check(dbl, "abused-spam.example").meanings()).containsExactly(
                "abused legitimate domain, used in spam");
        assertThat(check(dbl, "redirector.example").meanings()).containsExactly(
                "abused legitimate domain, a spammed redirector");
        assertThat(check(dbl, "abused-botnet.example").codes()).containsExactly("127.0.1.106");
        assertThat(check(dbl, "www.dbltest.com").status()).isEqualTo(CheckStatus.NOT_LISTED);
        CheckResult ipQuery = check(dbl, "127.0.0.2");
        assertThat(ipQuery.status()).isEqualTo(CheckStatus.REFUSED);
        assertThat(ipQuery.detail()).contains("IP queries prohibited");
        CheckResult openResolver = check(dbl, "open-resolver.example");
        assertThat(openResolver.status()).isEqualTo(CheckStatus.REFUSED);
        assertThat(openResolver.detail()).contains("public or open resolver");
    }

    @Test
    void decodesSurblBitmasksEndToEnd() {
        ThirdPartyList surbl = MimicLists.list("SURBL");
        CheckResult phishMalware = check(surbl, "phish-malware.example");
        assertThat(phishMalware.status()).isEqualTo(CheckStatus.LISTED);
        assertThat(phishMalware.codes()).containsExactly("127.0.0.24");
        assertThat(phishMalware.meanings()).containsExactly("PH: phishing site", "MW: malware site");
        assertThat(phishMalware.delistUrl()).isEqualTo("https://www.surbl.org/surbl-analysis");
        assertThat(check(surbl, "abuse.example").meanings()).containsExactly("ABUSE: spam and other abuse site");
        assertThat(check(surbl, "cracked.example").meanings()).singleElement().asString().startsWith("CR:");
        assertThat(check(surbl, "surbl-org-permanent-test-point.com").meanings()).hasSize(7);
        CheckResult blocked = check(surbl, "blocked.example");
        assertThat(blocked.status()).isEqualTo(CheckStatus.REFUSED);
        assertThat(blocked.detail()).contains("access denied");
    }

    @Test
    void decodesUriblBitmasksEndToEnd() {
        ThirdPartyList uribl = MimicLists.list("URIBL");
        assertThat(check(uribl, "test.uribl.com").meanings()).extracting(meaning -> meaning.split(":")[0])
                .containsExactly("black", "grey", "red");
        assertThat(check(uribl, "black.example").meanings()).singleElement().asString().startsWith("black:");
        assertThat(check(uribl, "grey.example").meanings()).singleElement().asString().startsWith("grey:");
        assertThat(check(uribl, "red.example").meanings()).singleElement().asString().startsWith("red:");
        CheckResult refused = check(uribl, "refused.example");
        assertThat(refused.status()).isEqualTo(CheckStatus.REFUSED);
        assertThat(refused.detail()).contains("query refused");
        CheckResult hijacked = check(uribl, "hijacked.example");
        assertThat(hijacked.status()).isEqualTo(CheckStatus.REFUSED);
        assertThat(hijacked.detail()).contains("hijacking NXDOMAIN");
    }

    @Test
    void decodesInvaluementAndPlainListsEndToEnd() {
        ThirdPartyList invaluement = MimicLists.list("invaluement");
        assertThat(check(invaluement, "192.0.2.50").meanings()).containsExactly(
                "ivmSIP: IP address that sends only spam");
        assertThat(check(invaluement, "127.0.0.2").status()).isEqualTo(CheckStatus.LISTED);
        assertThat(check(invaluement, "192.0.2.51").status()).isEqualTo(CheckStatus.NOT_LISTED);
        assertThat(check(MimicLists.PLAIN_LIST, "192.0.2.60").status()).isEqualTo(CheckStatus.LISTED);
        assertThat(check(MimicLists.PLAIN_LIST, "192.0.2.61").status()).isEqualTo(CheckStatus.REFUSED);
    }

    @Test
    void reportsATimeoutAsAnError() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            DnsjavaResolver toSilence = new DnsjavaResolver("127.0.0.1:" + silent.getLocalPort());
            ThirdPartyList zen = MimicLists.list("Spamhaus ZEN");
            Answer answer = toSilence.queryA(QueryNames.forIp("192.0.2.2", zen.zone()), Duration.ofMillis(200));
            assertThat(answer.outcome()).isEqualTo(Outcome.TIMEOUT);
        }
    }

    @Test
    void isTheDnsResolverBeanConfiguredBySenderguardDnsResolver() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("senderguard.dns.resolver", dns.address()))) {
            DnsResolver bean = context.getBean(DnsResolver.class);
            assertThat(bean).isInstanceOf(DnsjavaResolver.class);
            assertThat(((DnsjavaResolver) bean).server().getPort()).isEqualTo(dns.port());
            assertThat(bean.queryA("2.2.0.192." + MimicLists.ZEN, TIMEOUT).addresses()).containsExactly("127.0.0.2");
        }
    }

    @Test
    void usesTheSystemResolverWhenNoneIsConfigured() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThat(context.getBean(DnsjavaResolver.class).server()).isNotNull();
        }
        assertThat(new DnsjavaResolver("").server()).isNotNull();
        assertThat(new DnsjavaResolver(null).server()).isNotNull();
    }

    @Test
    void parsesResolverAddresses() {
        assertThat(DnsjavaResolver.parse("127.0.0.1:5353")).isEqualTo(new InetSocketAddress("127.0.0.1", 5353));
        assertThat(DnsjavaResolver.parse("127.0.0.1")).isEqualTo(new InetSocketAddress("127.0.0.1", 53));
        assertThat(DnsjavaResolver.parse("[::1]:5353")).isEqualTo(new InetSocketAddress("::1", 5353));
        assertThat(DnsjavaResolver.parse("[::1]")).isEqualTo(new InetSocketAddress("::1", 53));
        assertThat(DnsjavaResolver.parse("::1")).isEqualTo(new InetSocketAddress("::1", 53));
        assertThat(DnsjavaResolver.parse("localhost:53").getPort()).isEqualTo(53);
        for (String bad : List.of("127.0.0.1:0", "127.0.0.1:65536", "127.0.0.1:x", ":53", "[::1", "[::1]53",
                "no-such-host.invalid:53")) {
            assertThatThrownBy(() -> new DnsjavaResolver(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("senderguard.dns.resolver");
        }
    }
}
