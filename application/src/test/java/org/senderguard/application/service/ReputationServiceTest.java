package org.senderguard.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.senderguard.application.port.in.Reputation;
import org.senderguard.application.port.out.AuditLog;
import org.senderguard.application.port.out.DelistingRequests;
import org.senderguard.application.port.out.DnsResolver;
import org.senderguard.application.port.out.ThirdPartyListStore;
import org.senderguard.application.port.out.ThirdPartyMeter;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.audit.AuditRecord;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.delisting.DelistingRequest;
import org.senderguard.domain.reputation.CheckResult;
import org.senderguard.domain.reputation.CheckStatus;
import org.senderguard.domain.reputation.ThirdPartyCatalog;
import org.senderguard.domain.reputation.ThirdPartyList;
import org.senderguard.domain.tenant.TenantId;

/**
 * The reputation check's own logic over in-memory ports: names a list cannot be asked about, the
 * answer cache's bounds, and answers decoded with the list as it is now. (Real DNS answers, from
 * rbldnsd, are the bootstrap module's ThirdPartyListsTest.)
 */
class ReputationServiceTest {

    /** A valid domain of 245 characters: it fits in DNS, but not under any of the seed lists' zones. */
    private static final String LONG_DOMAIN = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + "."
            + "d".repeat(49) + ".com";

    private final StepClock clock = new StepClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Map<String, ThirdPartyList> catalog = new ConcurrentHashMap<>();
    /** Query names answered with an address; every other name is not listed. */
    private final Map<String, String> listed = new ConcurrentHashMap<>();
    private final List<String> asked = new ArrayList<>();
    private final List<String> metered = new ArrayList<>();
    private final ReputationService service;

    ReputationServiceTest() {
        ThirdPartyCatalog.seed().forEach(list -> catalog.put(list.name(), list));
        DnsResolver dns = (name, timeout) -> {
            synchronized (asked) {
                asked.add(name);
            }
            String address = listed.get(name);
            return address != null
                    ? new DnsResolver.Answer(DnsResolver.Answer.Outcome.ADDRESSES, List.of(address), Duration.ofHours(1))
                    : new DnsResolver.Answer(DnsResolver.Answer.Outcome.NXDOMAIN, List.of(), Duration.ofMinutes(1));
        };
        ThirdPartyMeter meter = new ThirdPartyMeter() {
            @Override
            public void answered(String list, Status status) {
                synchronized (metered) {
                    metered.add(list + " " + status);
                }
            }
        };
        service = new ReputationService(new Catalog(), dns, new NoRequests(), new NoAudit(), new NoTransactions(),
                clock, Runnable::run, Duration.ofSeconds(2), meter);
    }

    @Test
    void aDomainTooLongForAListsZoneIsAskedByItsRegisteredDomain() {
        listed.put("d".repeat(49) + ".com.dbl.spamhaus.org", "127.0.1.2");
        Reputation checked = service.check(Probe.parse(LONG_DOMAIN));
        assertThat(checked.results()).extracting(CheckResult::list)
                .containsExactlyInAnyOrder("Spamhaus DBL", "SURBL", "URIBL");
        assertThat(result(checked, "Spamhaus DBL").status()).as("the listing of its registered domain")
                .isEqualTo(CheckStatus.LISTED);
        assertThat(asked).allMatch(name -> name.startsWith("d".repeat(49) + ".com."));
    }

    @Test
    void aHostIsAskedOfListsOfRegisteredDomainsByItsRegisteredDomainAndOfTheDblByBoth() {
        listed.put("spammer.co.uk.multi.surbl.org", "127.0.0.64");
        listed.put("spammer.co.uk.multi.uribl.com", "127.0.0.2");
        listed.put("spammer.co.uk.dbl.spamhaus.org", "127.0.1.2");
        Reputation checked = service.check(Probe.parse("http://www.spammer.co.uk/offer"));
        assertThat(checked.results()).allSatisfy(result -> assertThat(result.status()).as(result.list())
                .isEqualTo(CheckStatus.LISTED));
        assertThat(asked).containsExactlyInAnyOrder("spammer.co.uk.multi.surbl.org",
                "spammer.co.uk.multi.uribl.com", "www.spammer.co.uk.dbl.spamhaus.org",
                "spammer.co.uk.dbl.spamhaus.org");
    }

    @Test
    void aNameThatCouldNotBeAskedOutweighsOneNotListed() {
        String failing = "spammer.example.dbl.spamhaus.org";
        ReputationService withFailure = new ReputationService(new Catalog(), (name, timeout) -> name.equals(failing)
                ? new DnsResolver.Answer(DnsResolver.Answer.Outcome.SERVFAIL, List.of(), Duration.ZERO)
                : new DnsResolver.Answer(DnsResolver.Answer.Outcome.NXDOMAIN, List.of(), Duration.ofMinutes(1)),
                new NoRequests(), new NoAudit(), new NoTransactions(), clock, Runnable::run, Duration.ofSeconds(2),
                ThirdPartyMeter.NONE);
        assertThat(result(withFailure.check(Probe.parse("www.spammer.example")), "Spamhaus DBL").status())
                .isEqualTo(CheckStatus.ERROR);
    }

    @Test
    void aNameNoListCanBeAskedAboutIsThatListsErrorNotTheWholeChecks() {
        String longZone = "z".repeat(60) + "." + "y".repeat(60) + "." + "x".repeat(60) + ".example";
        catalog.put("Long zone", new ThirdPartyList("Long zone", "an IP list under a long zone",
                catalog.get("Spamhaus ZEN").lists(), longZone, catalog.get("Spamhaus ZEN").scheme(), "https://long.example/",
                "https://long.example/", true));
        listed.put("2.0.0.127.zen.spamhaus.org", "127.0.0.2");
        Reputation checked = service.check(Probe.parse("127.0.0.2"));
        assertThat(result(checked, "Spamhaus ZEN").status()).isEqualTo(CheckStatus.LISTED);
        assertThat(service.check(Probe.parse("2001:db8::1")).results()).filteredOn(r -> r.list().equals("Long zone"))
                .singleElement().satisfies(result -> {
                    assertThat(result.status()).isEqualTo(CheckStatus.ERROR);
                    assertThat(result.detail()).contains("too long to query in zone " + longZone);
                });
    }

    @Test
    void answersAreKeptForTheirTimeToLiveAndLetGoAfter() {
        for (int i = 0; i < 1_000; i++) {
            service.check(Probe.parse("198.51." + (i / 256) + "." + (i % 256)));
        }
        int fromDns = asked.size();
        service.check(Probe.parse("198.51.0.7"));
        assertThat(asked).as("answered from the cache").hasSize(fromDns);
        assertThat(metered).as("only answers from DNS are metered").hasSize(fromDns);
        assertThat(service.cachedAnswers()).isEqualTo(fromDns);

        clock.now = clock.now.plus(Duration.ofDays(1));
        service.check(Probe.parse("198.51.0.7"));
        assertThat(asked).as("asked again once expired").hasSize(fromDns + 2);
        assertThat(service.cachedAnswers()).as("the expired answers let go").isEqualTo(2);
    }

    @Test
    void aCachedAnswerIsDecodedWithTheListAsItIsNow() throws InterruptedException {
        listed.put("2.0.0.127.zen.spamhaus.org", "127.0.0.2");
        assertThat(result(service.check(Probe.parse("127.0.0.2")), "Spamhaus ZEN").delistUrl())
                .isEqualTo("https://check.spamhaus.org/");
        ThirdPartyList zen = catalog.get("Spamhaus ZEN");
        // Changed by another process (the CLI): this service sees the catalog again within a second.
        catalog.put(zen.name(), new ThirdPartyList(zen.name(), zen.description(), zen.lists(), zen.zone(), zen.scheme(),
                "https://portal.example/", zen.infoUrl(), true));
        Thread.sleep(1_100);
        int fromDns = asked.size();
        assertThat(result(service.check(Probe.parse("127.0.0.2")), "Spamhaus ZEN").delistUrl())
                .isEqualTo("https://portal.example/");
        assertThat(asked).as("from the cache").hasSize(fromDns);
    }

    private static CheckResult result(Reputation reputation, String list) {
        return reputation.results().stream().filter(result -> result.list().equals(list)).findFirst().orElseThrow();
    }

    private final class Catalog implements ThirdPartyListStore {
        @Override
        public List<ThirdPartyList> findAll() {
            return List.copyOf(catalog.values());
        }

        @Override
        public Optional<ThirdPartyList> find(String name) {
            return Optional.ofNullable(catalog.get(name));
        }

        @Override
        public void addMissing(List<ThirdPartyList> lists) {
        }

        @Override
        public void insert(ThirdPartyList list) {
            catalog.put(list.name(), list);
        }

        @Override
        public void update(ThirdPartyList list) {
            catalog.put(list.name(), list);
        }
    }

    private static final class NoRequests implements DelistingRequests {
        @Override
        public void insert(DelistingRequest request) {
        }

        @Override
        public List<DelistingRequest> findByTenant(TenantId tenant, UUID before, int limit) {
            return List.of();
        }

        @Override
        public List<DelistingRequest> findPending(String value) {
            return List.of();
        }

        @Override
        public Optional<DelistingRequest> findPending(TenantId tenant, String list, String value) {
            return Optional.empty();
        }

        @Override
        public boolean resolve(UUID id, Instant at, String outcome) {
            return false;
        }

        @Override
        public int countSince(TenantId tenant, String list, Instant since) {
            return 0;
        }
    }

    private static final class NoAudit implements AuditLog {
        @Override
        public void add(AuditRecord record) {
        }

        @Override
        public List<AuditRecord> findByTenant(TenantId tenant, UUID before, int limit) {
            return List.of();
        }
    }

    private static final class NoTransactions implements UnitOfWork {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    }
}
