package org.senderguard.application.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import org.senderguard.application.port.in.CheckListHealthUseCase;
import org.senderguard.application.port.in.CheckReputationUseCase;
import org.senderguard.application.port.in.ListHealth;
import org.senderguard.application.port.in.Reputation;
import org.senderguard.application.port.in.ThirdPartyCatalogUseCase;
import org.senderguard.application.port.out.AuditLog;
import org.senderguard.application.port.out.DelistingRequests;
import org.senderguard.application.port.out.DnsResolver;
import org.senderguard.application.port.out.ThirdPartyListStore;
import org.senderguard.application.port.out.ThirdPartyMeter;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.audit.AuditRecord;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.ConflictException;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.common.NotFoundException;
import org.senderguard.domain.reputation.AnswerDecoder;
import org.senderguard.domain.reputation.AnswerScheme;
import org.senderguard.domain.reputation.CheckResult;
import org.senderguard.domain.reputation.CheckStatus;
import org.senderguard.domain.reputation.ListedKind;
import org.senderguard.domain.reputation.QueryNames;
import org.senderguard.domain.reputation.ThirdPartyCatalog;
import org.senderguard.domain.reputation.ThirdPartyList;

/**
 * Third-party DNS block lists: the catalog, reputation checks and the lists' health. Queries run
 * in parallel, each within the timeout; answers are kept for their TTL (at most an hour), "not
 * listed" for the zone's negative TTL (at most a minute), failures not at all, and at most
 * {@value #MAX_CACHED_ANSWERS} of them, least recently used out first. An answer is kept as DNS
 * gave it and decoded by each check with the list as it is then, so that a change to a list (its
 * answer scheme, its delisting portal), made here or by another process, applies at the next check.
 * Error answers are never listings.
 */
public class ReputationService implements CheckReputationUseCase, ThirdPartyCatalogUseCase, CheckListHealthUseCase {

    private static final Duration MAX_TTL = Duration.ofHours(1);
    private static final Duration NOT_LISTED_TTL = Duration.ofMinutes(1);
    private static final System.Logger LOG = System.getLogger(ReputationService.class.getName());
    private static final String CATALOG = "catalog";
    /** Inbound mail checks every client IP and sender domain it sees: memory for the answers is bounded. */
    private static final int MAX_CACHED_ANSWERS = 100_000;

    private final ThirdPartyListStore store;
    private final DnsResolver dns;
    private final DelistingRequests requests;
    private final AuditLog audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final Executor executor;
    private final Duration timeout;
    private final ThirdPartyMeter meter;
    /** DNS answers by query name. */
    private final Cache<String, DnsResolver.Answer> answers;
    private final ExpiringCache<String, List<ThirdPartyList>> catalog = new ExpiringCache<>(Duration.ofSeconds(1));
    private volatile boolean seeded;

    /** @param meter told each answer that comes from DNS */
    public ReputationService(ThirdPartyListStore store, DnsResolver dns, DelistingRequests requests, AuditLog audit,
                             UnitOfWork unitOfWork, Clock clock, Executor executor, Duration timeout,
                             ThirdPartyMeter meter) {
        this.store = store;
        this.dns = dns;
        this.requests = requests;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.executor = executor;
        this.timeout = timeout;
        this.meter = meter;
        this.answers = Caffeine.newBuilder().maximumSize(MAX_CACHED_ANSWERS)
                .expireAfter(Expiry.writing((String name, DnsResolver.Answer answer) -> timeToKeep(answer)))
                .ticker(() -> clockNanos(clock)).executor(Runnable::run).build();
    }

    /** Read by every check: kept for a second; changes made here apply at once. */
    @Override
    public List<ThirdPartyList> lists() {
        return catalog.get(CATALOG, key -> {
            seed();
            return store.findAll();
        });
    }

    /** The seed lists go into the store the first time the catalog is used; existing lists are kept. */
    private void seed() {
        if (!seeded) {
            unitOfWork.inTransaction(() -> {
                store.addMissing(ThirdPartyCatalog.seed());
                return null;
            });
            seeded = true;
        }
    }

    @Override
    public ThirdPartyList add(ThirdPartyList list, Actor actor) {
        seed();
        ThirdPartyList added = unitOfWork.inTransaction(() -> {
            if (store.find(list.name()).isPresent()) {
                throw new ConflictException("list-exists", "a list named '" + list.name() + "' exists; change it");
            }
            store.insert(list);
            audit.add(AuditRecord.of(null, actor, "third-party-list.add", target(list), null, list.describe(),
                    clock.instant()));
            return list;
        });
        catalog.invalidate(CATALOG);
        return added;
    }

    @Override
    public ThirdPartyList change(ThirdPartyList list, Actor actor) {
        seed();
        ThirdPartyList changed = unitOfWork.inTransaction(() -> {
            ThirdPartyList before = store.find(list.name())
                    .orElseThrow(() -> new NotFoundException("no third-party list named '" + list.name() + "'"));
            store.update(list);
            audit.add(AuditRecord.of(null, actor, "third-party-list.change", target(list), before.describe(),
                    list.describe(), clock.instant()));
            return list;
        });
        catalog.invalidate(CATALOG);
        return changed;
    }

    @Override
    public Reputation check(Probe value) {
        ReputationTarget target = ReputationTarget.of(value);
        List<CompletableFuture<CheckResult>> queries = lists().stream().filter(list -> list.checks(target.kind()))
                .map(list -> CompletableFuture.supplyAsync(() -> check(list, target), executor))
                .toList();
        List<CheckResult> results = queries.stream().map(CompletableFuture::join).toList();
        resolveDelistings(target, results);
        return new Reputation(target.value(), results);
    }

    @Override
    public List<ListHealth> health() {
        List<CompletableFuture<ListHealth>> checks = lists().stream()
                .filter(list -> list.checks(ListedKind.IP) || list.checks(ListedKind.DOMAIN))
                .map(list -> CompletableFuture.supplyAsync(() -> health(list), executor)).toList();
        return checks.stream().map(CompletableFuture::join).toList();
    }

    /**
     * RFC 5782 §5: IP lists list 127.0.0.2 and not 127.0.0.1; domain lists list their test point
     * (TEST, or the one the list publishes) and not INVALID.
     */
    private ListHealth health(ThirdPartyList list) {
        boolean ip = list.checks(ListedKind.IP);
        CheckResult listed = query(list, ip ? QueryNames.forIp("127.0.0.2", list.zone())
                : QueryNames.forDomain(list.scheme().domainTestPoint(), list.zone()));
        CheckResult unlisted = query(list, ip ? QueryNames.forIp("127.0.0.1", list.zone()) : "invalid." + list.zone());
        ListHealth.Verdict verdict;
        if (listed.status() == CheckStatus.ERROR || unlisted.status() == CheckStatus.ERROR) {
            verdict = ListHealth.Verdict.NOT_ANSWERING;
        } else if (listed.status() == CheckStatus.REFUSED || unlisted.status() == CheckStatus.REFUSED) {
            verdict = ListHealth.Verdict.REFUSING;
        } else if (unlisted.status() == CheckStatus.LISTED) {
            verdict = ListHealth.Verdict.LISTS_EVERYTHING;
        } else if (listed.status() != CheckStatus.LISTED) {
            verdict = ListHealth.Verdict.LISTS_NOTHING;
        } else {
            verdict = ListHealth.Verdict.HEALTHY;
        }
        return new ListHealth(list.name(), verdict, listed, unlisted);
    }

    /**
     * One list's answer: listed when any name asked is listed, else an error or refusal when any
     * name could not be asked, else not listed. A value the list cannot be asked about is that
     * list's error, not the whole check's.
     */
    private CheckResult check(ThirdPartyList list, ReputationTarget target) {
        List<String> names;
        try {
            names = target.queryNames(list);
        } catch (InvalidValueException unaskable) {
            return AnswerDecoder.error(list, unaskable.getMessage());
        }
        CheckResult outcome = null;
        for (String name : names) {
            CheckResult result = check(list, name);
            if (result.listed()) {
                return result;
            }
            if (outcome == null || outcome.status() == CheckStatus.NOT_LISTED) {
                outcome = result;
            }
        }
        return outcome;
    }

    private CheckResult check(ThirdPartyList list, String name) {
        DnsResolver.Answer cached = answers.getIfPresent(name);
        if (cached != null) {
            return decode(list, name, cached);
        }
        DnsResolver.Answer answer = dns.queryA(name, timeout);
        if (!timeToKeep(answer).isZero()) {
            answers.put(name, answer);
        }
        return metered(list, name, answer);
    }

    /** How many answers are kept, once the expired ones are let go. */
    long cachedAnswers() {
        answers.cleanUp();
        return answers.estimatedSize();
    }

    /** An answer's TTL, at most an hour; "not listed" at most a minute; a failure not at all. */
    private static Duration timeToKeep(DnsResolver.Answer answer) {
        return switch (answer.outcome()) {
            case ADDRESSES -> answer.ttl().compareTo(MAX_TTL) > 0 ? MAX_TTL : answer.ttl();
            case NXDOMAIN -> answer.ttl().isZero() || answer.ttl().compareTo(NOT_LISTED_TTL) > 0 ? NOT_LISTED_TTL
                    : answer.ttl();
            case SERVFAIL, TIMEOUT -> Duration.ZERO;
        };
    }

    /** The clock as a cache's ticker: nanoseconds from the epoch, which only their differences matter of. */
    private static long clockNanos(Clock clock) {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    private CheckResult query(ThirdPartyList list, String name) {
        return metered(list, name, dns.queryA(name, timeout));
    }

    /** An answer that came from DNS: decoded, and told to the meter. */
    private CheckResult metered(ThirdPartyList list, String name, DnsResolver.Answer answer) {
        CheckResult result = decode(list, name, answer);
        meter.answered(list.name(), answer.outcome() == DnsResolver.Answer.Outcome.TIMEOUT
                ? ThirdPartyMeter.Status.TIMEOUT : status(result.status()));
        return result;
    }

    private CheckResult decode(ThirdPartyList list, String name, DnsResolver.Answer answer) {
        return switch (answer.outcome()) {
            case ADDRESSES -> AnswerDecoder.decode(list, answer.addresses());
            case NXDOMAIN -> AnswerDecoder.notListed(list);
            case SERVFAIL -> AnswerDecoder.error(list, "the DNS server failed to answer for " + name);
            case TIMEOUT -> AnswerDecoder.error(list, "no answer for " + name + " within " + timeout.toMillis() + " ms");
        };
    }

    private static ThirdPartyMeter.Status status(CheckStatus status) {
        return switch (status) {
            case LISTED -> ThirdPartyMeter.Status.LISTED;
            case NOT_LISTED -> ThirdPartyMeter.Status.NOT_LISTED;
            case REFUSED -> ThirdPartyMeter.Status.REFUSED;
            case ERROR -> ThirdPartyMeter.Status.ERROR;
        };
    }

    /**
     * A pending delisting request is resolved by the first check that finds its value off that list.
     * Mail flow checks too, and must not fail for this: when the database cannot be reached the
     * requests stay pending for a later check.
     */
    private void resolveDelistings(ReputationTarget target, List<CheckResult> results) {
        Map<String, List<String>> offListsByValue = new HashMap<>();
        lists().stream().filter(list -> results.stream()
                        .anyMatch(r -> r.list().equals(list.name()) && r.status() == CheckStatus.NOT_LISTED))
                // Requests made before lists of registered domains were asked by them hold the host.
                .forEach(list -> Stream.of(target.listedValue(list), target.value()).distinct().forEach(value ->
                        offListsByValue.computeIfAbsent(value, v -> new ArrayList<>()).add(list.name())));
        if (offListsByValue.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        try {
            unitOfWork.inTransaction(() -> {
                offListsByValue.forEach((value, offLists) -> requests.findPending(value).stream()
                        .filter(request -> offLists.contains(request.list()))
                        .filter(request -> requests.resolve(request.id(), now, "no longer listed on " + request.list()))
                        .forEach(request -> audit.add(AuditRecord.of(request.tenantId(), Actor.SYSTEM,
                                "delisting-request.resolve", "delisting-request:" + request.id(), "PENDING",
                                "RESOLVED", now))));
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "pending delisting requests of " + target.value()
                    + " are left for a later check: " + e.getMessage());
        }
    }

    private static String target(ThirdPartyList list) {
        return "third-party-list:" + list.name();
    }
}
