package org.senderguard.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.senderguard.application.port.in.AddBlockListEntriesCommand;
import org.senderguard.application.port.in.AddBlockListEntriesUseCase;
import org.senderguard.application.port.in.BlockListEntryDraft;
import org.senderguard.application.port.out.SpamSightings;
import org.senderguard.application.port.out.TenantRepository;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.blocklist.EntrySource;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.blocklist.RegisteredDomains;
import org.senderguard.domain.common.DomainName;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.outbound.SenderKey;
import org.senderguard.domain.tenant.Tenant;
import org.senderguard.domain.tenant.TenantId;

/**
 * Feeds the service list from spam (SPEC §3.5): when links in spam from at least
 * {@value #DISTINCT_SENDERS} distinct senders within 24 hours point into the same registered
 * domain, that domain and its subdomains are listed for 30 days. A domain that holds a tenant's
 * accepted domain is listed only when that many of them are that tenant's own senders, so that one
 * tenant cannot have another's domain listed (and spend its delistings) with senders of its own.
 * Runs after the decision has been answered, so that it never slows mail flow down.
 */
public class SpamFeed {

    static final int DISTINCT_SENDERS = 3;
    static final Duration WINDOW = Duration.ofHours(24);
    private static final System.Logger LOG = System.getLogger(SpamFeed.class.getName());
    private static final Actor ACTOR = new Actor("system:spam-feed");

    private final SpamSightings sightings;
    private final TenantRepository tenants;
    private final BlockLists lists;
    private final AddBlockListEntriesUseCase blockList;
    private final Clock clock;
    private final Executor executor;

    public SpamFeed(SpamSightings sightings, TenantRepository tenants, BlockLists lists,
                    AddBlockListEntriesUseCase blockList, Clock clock, Executor executor) {
        this.sightings = sightings;
        this.tenants = tenants;
        this.lists = lists;
        this.blockList = blockList;
        this.clock = clock;
        this.executor = executor;
    }

    /** Notes a spam message's links, later, on the feed's own thread. */
    void observeLater(Submission message) {
        if (message.spam() && !message.urls().isEmpty()) {
            executor.execute(() -> {
                try {
                    observe(new SenderKey(message.tenantId(), message.sender()), message.urls());
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not record the links of a spam message", e);
                }
            });
        }
    }

    void observe(SenderKey sender, List<Probe> urls) {
        Set<DomainName> domains = urls.stream().map(SpamFeed::registeredDomain).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        if (domains.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        // One statement, committed before counting: of sightings recorded concurrently, the last to
        // commit then sees all of them, where counts inside each transaction could each miss the others.
        sightings.record(sender, domains, now);
        Map<DomainName, Integer> senders = sightings.distinctSenders(domains, now.minus(WINDOW));
        senders.forEach((domain, count) -> {
            if (count >= DISTINCT_SENDERS) {
                List<String> unlisted = Stream.of(domain.value(), "*." + domain.value())
                        .filter(value -> !listed(value, now)).toList();
                if (!unlisted.isEmpty() && sightedByItsOwners(domain, now, count)) {
                    list(unlisted, count);
                }
            }
        });
    }

    /**
     * Whether no tenant accepts mail for the domain or under it, or enough of the spam came from
     * the senders of those that do: others' senders do not count towards their domain.
     */
    private boolean sightedByItsOwners(DomainName domain, Instant now, int count) {
        Set<TenantId> owners = tenants.findAll().stream().filter(tenant -> tenant.domains().anyWithin(domain))
                .map(Tenant::id).collect(Collectors.toSet());
        if (owners.isEmpty()) {
            return true;
        }
        Map<TenantId, Integer> byTenant = sightings.sendersByTenant(domain, now.minus(WINDOW));
        if (owners.stream().mapToInt(owner -> byTenant.getOrDefault(owner, 0)).sum() >= DISTINCT_SENDERS) {
            return true;
        }
        if (count == DISTINCT_SENDERS) { // once, not at every further sighting
            LOG.log(System.Logger.Level.WARNING, "links to " + domain + " in spam from " + count + " senders, too "
                    + "few of them of the tenants whose accepted domain it is: not listed automatically");
        }
        return false;
    }

    /** Whether the service list has an active entry of exactly this value: a domain, or {@code *.} and a domain. */
    private boolean listed(String value, Instant now) {
        Probe probe;
        try { // an entry *.d is found by looking up a name under d, x.d
            probe = Probe.domain(new DomainName(value.startsWith("*.") ? "x" + value.substring(1) : value));
        } catch (IllegalArgumentException tooLongForASubdomain) {
            return false;
        }
        return lists.service(probe, now).stream()
                .anyMatch(entry -> entry.type() == EntryType.DOMAIN && entry.value().value().equals(value));
    }

    private void list(List<String> values, int senders) {
        try {
            blockList.add(new AddBlockListEntriesCommand(null, values,
                    new BlockListEntryDraft(EntryType.DOMAIN, "links to this domain in spam from " + senders
                            + " senders within 24 hours", null, false, null, true), EntrySource.SPAM_MESSAGE, ACTOR));
        } catch (InvalidValueException alreadyListed) {
            // Another instance listed it first.
        }
    }

    private static Optional<DomainName> registeredDomain(Probe url) {
        return url instanceof Probe.Url link && link.domain() != null ? RegisteredDomains.of(link.domain())
                : Optional.empty();
    }
}
