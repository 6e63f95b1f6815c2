package org.senderguard.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.senderguard.application.port.in.BlockListQuery;
import org.senderguard.application.port.in.ListQuery;
import org.senderguard.application.port.in.PolicyCommand;
import org.senderguard.application.port.out.AlertRepository;
import org.senderguard.application.port.out.ApiKeyRepository;
import org.senderguard.application.port.out.AuditLog;
import org.senderguard.application.port.out.BlockListStore;
import org.senderguard.application.port.out.DecisionHistoryMeter;
import org.senderguard.application.port.out.DelistingRequests;
import org.senderguard.application.port.out.MessageKey;
import org.senderguard.application.port.out.PolicyRepository;
import org.senderguard.application.port.out.PortalRequests;
import org.senderguard.application.port.out.ProcessedMessages;
import org.senderguard.application.port.out.RateCounters;
import org.senderguard.application.port.out.SenderStatusRepository;
import org.senderguard.application.port.out.SpamSightings;
import org.senderguard.application.port.out.TenantChanges;
import org.senderguard.application.port.out.TenantRepository;
import org.senderguard.application.port.out.UnblockHistory;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.alert.Alert;
import org.senderguard.domain.alert.AlertKind;
import org.senderguard.domain.alert.AlertMail;
import org.senderguard.domain.apikey.ApiKey;
import org.senderguard.domain.apikey.ApiKeyToken;
import org.senderguard.domain.apikey.Role;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.audit.AuditRecord;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.blocklist.BlockedValue;
import org.senderguard.domain.blocklist.EntrySource;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.blocklist.ListingKeys;
import org.senderguard.domain.common.ConflictException;
import org.senderguard.domain.common.DomainName;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.common.Sha256;
import org.senderguard.domain.delisting.DelistingRequest;
import org.senderguard.domain.delisting.DelistingStatus;
import org.senderguard.domain.delisting.PortalRequest;
import org.senderguard.domain.delisting.PortalRequestStatus;
import org.senderguard.domain.delisting.PortalToken;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.mailflow.Ndr;
import org.senderguard.domain.mailflow.SmtpReply;
import org.senderguard.domain.outbound.Limit;
import org.senderguard.domain.outbound.MessageWeight;
import org.senderguard.domain.outbound.OutboundSpamPolicy;
import org.senderguard.domain.outbound.PolicyId;
import org.senderguard.domain.outbound.PolicySettings;
import org.senderguard.domain.outbound.Restriction;
import org.senderguard.domain.outbound.SenderConditions;
import org.senderguard.domain.outbound.SenderKey;
import org.senderguard.domain.outbound.SenderStatus;
import org.senderguard.domain.outbound.SendingLimits;
import org.senderguard.domain.outbound.SendingTally;
import org.senderguard.domain.outbound.SendingUsage;
import org.senderguard.domain.outbound.ThresholdAction;
import org.senderguard.domain.outbound.Verdict;
import org.senderguard.domain.tenant.AcceptedDomains;
import org.senderguard.domain.tenant.Tenant;
import org.senderguard.domain.tenant.TenantId;
import org.senderguard.domain.tenant.TenantName;
import org.senderguard.domain.tenant.TenantSettings;

/**
 * What every database behind the out-ports must do alike. Run against the embedded database and
 * against real MariaDB by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RepositoryContractTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private DatabaseSettings settings;
    ApplicationContext context;
    private TenantRepository tenants;
    private ApiKeyRepository keys;
    private UnitOfWork unitOfWork;
    private PolicyRepository policies;
    private SenderStatusRepository statuses;
    private ProcessedMessages processed;
    private UnblockHistory unblocks;
    private AlertRepository alerts;
    private AuditLog audit;

    /** Starts the database for this class's tests. */
    abstract DatabaseSettings database();

    /** Stops it again. */
    abstract void dropDatabase();

    @BeforeAll
    void start() {
        settings = database();
        context = PersistenceContext.start(settings);
        tenants = context.getBean(TenantRepository.class);
        keys = context.getBean(ApiKeyRepository.class);
        unitOfWork = context.getBean(UnitOfWork.class);
        policies = context.getBean(PolicyRepository.class);
        statuses = context.getBean(SenderStatusRepository.class);
        processed = context.getBean(ProcessedMessages.class);
        unblocks = context.getBean(UnblockHistory.class);
        alerts = context.getBean(AlertRepository.class);
        audit = context.getBean(AuditLog.class);
    }

    @AfterAll
    void stop() {
        context.close();
        dropDatabase();
    }

    @Test
    void storesAndFindsTenantsWithTheirDomains() {
        Tenant tenant = newTenant("multi", "x.example", "a.example");
        unitOfWork.inTransaction(() -> {
            tenants.insert(tenant);
            return null;
        });
        assertThat(tenants.findById(tenant.id())).contains(tenant);
        assertThat(tenants.findByName(tenant.name())).contains(tenant);
        assertThat(tenants.findOwnerOf(new DomainName(tenant.domains().values().get(0)))).contains(tenant.id());
        assertThat(tenants.findAll()).contains(tenant);
    }

    @Test
    void listsTenantsByName() {
        Tenant b = newTenant("zz-b");
        Tenant a = newTenant("zz-a");
        unitOfWork.inTransaction(() -> {
            tenants.insert(b);
            tenants.insert(a);
            return null;
        });
        List<String> names = tenants.findAll().stream().map(t -> t.name().value()).toList();
        assertThat(names).isSorted().contains(a.name().value(), b.name().value());
    }

    @Test
    void updateReplacesSettingsAndDomains() {
        Tenant tenant = newTenant("old");
        unitOfWork.inTransaction(() -> {
            tenants.insert(tenant);
            return null;
        });
        Tenant updated = tenant.withSettings(new TenantSettings(7, 14, 500, true))
                .withDomains(AcceptedDomains.parse(List.of(unique("new") + ".example")));
        unitOfWork.inTransaction(() -> {
            tenants.update(updated);
            return null;
        });
        assertThat(tenants.findById(tenant.id())).contains(updated);
        assertThat(tenants.findOwnerOf(new DomainName(tenant.domains().values().get(0)))).isEmpty();
    }

    @Test
    void namesAndDomainsCompareCaseInsensitivelyInTheDatabase() {
        Tenant tenant = newTenant("case");
        unitOfWork.inTransaction(() -> {
            tenants.insert(tenant);
            return null;
        });
        TenantRowRepository rows = context.getBean(TenantRowRepository.class);
        TenantDomainRowRepository domains = context.getBean(TenantDomainRowRepository.class);
        assertThat(rows.findByName(tenant.name().value().toUpperCase())).isPresent();
        assertThat(domains.findById(tenant.domains().values().get(0).toUpperCase())).isPresent();
    }

    @Test
    void aTakenNameOrDomainIsAConflictAndNothingIsHalfWritten() {
        Tenant first = newTenant("dup");
        unitOfWork.inTransaction(() -> {
            tenants.insert(first);
            return null;
        });
        Tenant sameName = new Tenant(org.senderguard.domain.tenant.TenantId.newId(), first.name(),
                AcceptedDomains.parse(List.of(unique("other") + ".example")), TenantSettings.DEFAULTS, now);
        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            tenants.insert(sameName);
            return null;
        })).isInstanceOf(ConflictException.class);
        assertThat(tenants.findOwnerOf(new DomainName(sameName.domains().values().get(0)))).isEmpty();

        Tenant sameDomain = Tenant.create(TenantName.parse(unique("t")), first.domains(), now);
        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            tenants.insert(sameDomain);
            return null;
        })).isInstanceOf(ConflictException.class);
        assertThat(tenants.findById(sameDomain.id())).isEmpty();
    }

    @Test
    void aFailedUnitOfWorkLeavesNothingBehind() {
        Tenant tenant = newTenant("rollback");
        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            tenants.insert(tenant);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(tenants.findById(tenant.id())).isEmpty();
    }

    @Test
    void aUnitOfWorkWithinAnotherIsPartOfIt() {
        Tenant inner = newTenant("nested-inner");
        Tenant outer = newTenant("nested-outer");
        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            unitOfWork.inTransaction(() -> {
                tenants.insert(inner);
                return null;
            });
            tenants.insert(outer);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(tenants.findById(inner.id())).isEmpty();
        assertThat(tenants.findById(outer.id())).isEmpty();
        // The connection was left in auto-commit mode: a unit of work after the failed one commits.
        unitOfWork.inTransaction(() -> {
            tenants.insert(inner);
            return null;
        });
        assertThat(tenants.findById(inner.id())).isPresent();
    }

    @Test
    void storesApiKeysAndTheirRevocation() {
        Tenant tenant = newTenant("keys");
        ApiKey first = ApiKey.issue(ApiKeyToken.generate(new SecureRandom()), tenant.id(), Role.MAIL_FLOW, now);
        ApiKey second = ApiKey.issue(ApiKeyToken.generate(new SecureRandom()), tenant.id(), Role.SECURITY_READER,
                now.plusSeconds(1));
        unitOfWork.inTransaction(() -> {
            tenants.insert(tenant);
            keys.insert(second);
            keys.insert(first);
            return null;
        });
        assertThat(keys.findById(first.id())).contains(first);
        assertThat(keys.findByTenant(tenant.id())).containsExactly(first, second);

        ApiKey revoked = first.revoke(now.plusSeconds(60));
        unitOfWork.inTransaction(() -> {
            keys.update(revoked);
            return null;
        });
        assertThat(keys.findById(first.id())).contains(revoked);
    }

    /**
     * The restriction and window columns are written as UTC wall-clock time whatever the JVM's zone.
     * (Rows mapped by Micronaut Data follow the JVM's zone, which the application pins to UTC.)
     */
    @Test
    void restrictionTimesDoNotDependOnTheMachinesTimeZone() {
        TimeZone original = TimeZone.getDefault();
        Tenant tenant = newTenant("zone");
        EmailAddress user = EmailAddress.parse("a", "u@" + tenant.domains().values().get(0));
        SenderStatus restricted = SenderStatus.unrestricted(tenant.id(), user)
                .restrictedBy(Restriction.forLimit(Limit.RECIPIENTS_PER_DAY, 5, ThresholdAction.BLOCK_USER_FOR_TODAY, now));
        try {
            inTransaction(() -> tenants.insert(tenant));
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            inTransaction(() -> {
                statuses.lock(tenant.id(), user);
                statuses.save(restricted);
            });
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Tokyo"));
            assertThat(statuses.find(tenant.id(), user)).contains(restricted);
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void policiesRoundTripWithOneDefaultPerTenant() {
        Tenant tenant = stored(newTenant("policies"));
        OutboundSpamPolicy fallback = OutboundSpamPolicy.defaultFor(tenant.id());
        OutboundSpamPolicy custom = new OutboundSpamPolicy(PolicyId.newId(), tenant.id(), "Sales", 3, false, false,
                new SendingLimits(10, 20, 30, 4), ThresholdAction.ALERT,
                List.of(EmailAddress.parse("n", "admin@x.example"), EmailAddress.parse("n", "sec@x.example")),
                SenderConditions.parse(List.of("a@x.example"), List.of("x.example", "y.example"), List.of("b@x.example")));
        inTransaction(() -> {
            policies.insert(fallback);
            policies.insert(custom);
        });
        assertThat(policies.findByTenant(tenant.id())).containsExactlyInAnyOrder(fallback, custom);

        OutboundSpamPolicy changed = custom.changedTo(new PolicySettings("Sales 2", 1, true, SendingLimits.DEFAULTS,
                ThresholdAction.BLOCK_USER, List.of(), SenderConditions.parse(List.of(), List.of("z.example"), List.of())));
        inTransaction(() -> policies.update(changed));
        assertThat(policies.findByTenant(tenant.id())).containsExactlyInAnyOrder(fallback, changed);

        assertThatThrownBy(() -> inTransaction(() -> policies.insert(OutboundSpamPolicy.defaultFor(tenant.id()))))
                .isInstanceOf(ConflictException.class);
        inTransaction(() -> policies.delete(tenant.id(), custom.id()));
        assertThat(policies.findByTenant(tenant.id())).containsExactly(fallback);
    }

    /** The largest lists a policy may have, of addresses as long as allowed: some 250 KB each. */
    @Test
    void aPolicyWithFullListsAndItsAuditRecordAreStoredWhole() {
        Tenant tenant = stored(newTenant("large"));
        String domain = "d".repeat(63) + "." + "e".repeat(63) + "." + "f".repeat(48) + ".example";
        IntFunction<String> address = i -> "s".repeat(60) + "%04d@".formatted(i) + domain;
        SenderConditions full = SenderConditions.parse(
                IntStream.range(0, PolicyCommand.MAX_CONDITION_VALUES).mapToObj(address).toList(),
                IntStream.range(0, PolicyCommand.MAX_CONDITION_VALUES).mapToObj(i -> "%04d.".formatted(i) + domain)
                        .toList(),
                IntStream.range(PolicyCommand.MAX_CONDITION_VALUES, 2 * PolicyCommand.MAX_CONDITION_VALUES)
                        .mapToObj(address).toList());
        OutboundSpamPolicy large = new OutboundSpamPolicy(PolicyId.newId(), tenant.id(), "Large", 1, true, false,
                SendingLimits.DEFAULTS, ThresholdAction.ALERT, IntStream.range(0, PolicyCommand.MAX_NOTIFY_RECIPIENTS)
                .mapToObj(i -> EmailAddress.parse("n", address.apply(i))).toList(), full);
        AuditRecord created = AuditRecord.of(tenant.id(), Actor.SYSTEM, "policy.create", "policy:" + large.id(), null,
                large.describe(), now);
        assertThat(created.after()).hasSizeGreaterThan(700_000);
        inTransaction(() -> {
            policies.insert(large);
            audit.add(created);
        });
        assertThat(policies.findByTenant(tenant.id())).containsExactly(large);
        assertThat(audit.findByTenant(tenant.id(), null, 1)).containsExactly(created);
    }

    @Test
    void anAuditRecordKeepsTheLongestActor() {
        Tenant tenant = stored(newTenant("actor"));
        AuditRecord record = AuditRecord.of(tenant.id(), new Actor("p".repeat(Actor.MAX_LENGTH)), "test.actor",
                "user:x", null, "after", now);
        inTransaction(() -> audit.add(record));
        assertThat(audit.findByTenant(tenant.id(), null, 1)).containsExactly(record);
    }

    @Test
    void senderStatusKeepsRestrictionGraceAndAlertDay() {
        Tenant tenant = stored(newTenant("status"));
        EmailAddress user = EmailAddress.parse("a", "User@" + tenant.domains().values().get(0));
        SenderStatus fresh = unitOfWork.inTransaction(() -> statuses.lock(tenant.id(), user));
        assertThat(fresh).isEqualTo(SenderStatus.unrestricted(tenant.id(), user));
        assertThat(unitOfWork.inTransaction(() -> statuses.lock(tenant.id(), user))).isEqualTo(fresh);

        SenderStatus restricted = fresh.restrictedBy(Restriction.forLimit(Limit.RECIPIENTS_PER_DAY, 1000,
                ThresholdAction.BLOCK_USER_FOR_TODAY, now)).limitAlertRaisedOn(LocalDate.of(2026, 5, 4));
        inTransaction(() -> statuses.save(restricted));
        assertThat(statuses.find(tenant.id(), user)).contains(restricted);

        SenderStatus unblocked = restricted.restrictedBy(Restriction.manual("by hand", now)).unblockedAt(now);
        inTransaction(() -> statuses.save(unblocked));
        assertThat(statuses.find(tenant.id(), user)).contains(unblocked);
        assertThat(unblocked.graceUntil()).isNotNull();
    }

    /** An SMTPUTF8 mailbox is its own sender: jörg@ is not jorg@, whatever the database's collation. */
    @Test
    void mailboxesThatDifferOnlyInAccentsAreDistinctSenders() {
        Tenant tenant = stored(newTenant("accents"));
        String domain = tenant.domains().values().get(0);
        EmailAddress accented = EmailAddress.parse("a", "J\u00f6rg@" + domain);
        EmailAddress plain = EmailAddress.parse("a", "jorg@" + domain);
        inTransaction(() -> statuses.save(statuses.lock(tenant.id(), accented)
                .restrictedBy(Restriction.manual("compromised", now))));
        inTransaction(() -> unblocks.add(tenant.id(), accented, Actor.apiKey("k1"), false, now.minusSeconds(60)));

        assertThat(statuses.find(tenant.id(), accented).orElseThrow().address()).isEqualTo(accented);
        assertThat(statuses.find(tenant.id(), plain)).isEmpty();
        assertThat(unitOfWork.inTransaction(() -> statuses.lock(tenant.id(), plain)))
                .isEqualTo(SenderStatus.unrestricted(tenant.id(), plain));
        assertThat(unblocks.countAdminUnblocksSince(tenant.id(), plain, now.minusSeconds(3600))).isZero();
        assertThat(unblocks.countAdminUnblocksSince(tenant.id(), accented, now.minusSeconds(3600))).isEqualTo(1);
        assertThat(addresses(statuses.findRestricted(tenant.id(), now, "j\u00f6", "", 10))).containsExactly("j\u00f6rg");
        assertThat(statuses.findRestricted(tenant.id(), now, "jo", "", 10)).isEmpty();
    }

    @Test
    void listsCurrentlyRestrictedSendersByAddressWithPrefixAndCursor() {
        Tenant tenant = stored(newTenant("list"));
        String domain = tenant.domains().values().get(0);
        for (String local : List.of("bob", "b_x", "bill", "anna", "lifted")) {
            EmailAddress user = EmailAddress.parse("a", local + "@" + domain);
            Restriction restriction = local.equals("lifted")
                    ? new Restriction(Limit.MANUAL, "old", ThresholdAction.BLOCK_USER_FOR_TODAY, now.minusSeconds(7200),
                            now.minusSeconds(60))
                    : Restriction.manual("compromised", now);
            inTransaction(() -> statuses.save(statuses.lock(tenant.id(), user).restrictedBy(restriction)));
        }
        assertThat(addresses(statuses.findRestricted(tenant.id(), now, "", "", 10)))
                .containsExactly("anna", "b_x", "bill", "bob");
        assertThat(addresses(statuses.findRestricted(tenant.id(), now, "b", "", 10))).containsExactly("b_x", "bill", "bob");
        assertThat(addresses(statuses.findRestricted(tenant.id(), now, "b_", "", 10))).containsExactly("b_x");
        assertThat(addresses(statuses.findRestricted(tenant.id(), now, "b", "b_x@" + domain, 1)))
                .containsExactly("bill");
    }

    @Test
    void keepsEachSendersTallyWithItsStatus() {
        Tenant tenant = stored(newTenant("counters"));
        EmailAddress user = EmailAddress.parse("a", "u@" + tenant.domains().values().get(0));
        Instant start = Instant.parse("2026-05-04T23:00:10Z");
        SenderStatus counted = unitOfWork.inTransaction(() -> {
            SenderStatus status = statuses.lock(tenant.id(), user)
                    .counting(new MessageWeight(2, 1, 0), start)
                    .counting(new MessageWeight(3, 0, 1), start.plusSeconds(30))
                    .counting(new MessageWeight(1, 1, 1), start.plusSeconds(59 * 60));
            statuses.saveTallies(List.of(status));
            return status;
        });
        SenderStatus stored = statuses.find(tenant.id(), user).orElseThrow();
        assertThat(stored).isEqualTo(counted);
        assertThat(stored.tally().usageAt(start.plusSeconds(59 * 60))).isEqualTo(new SendingUsage(6, 2, 8, 2));

        // A whole save keeps the tally too, next to the restriction.
        Instant later = start.plusSeconds(3660);
        SenderStatus restricted = unitOfWork.inTransaction(() -> {
            SenderStatus status = statuses.lock(tenant.id(), user).counting(new MessageWeight(0, 4, 0), later)
                    .restrictedBy(Restriction.manual("test", later));
            statuses.save(status);
            return status;
        });
        assertThat(statuses.find(tenant.id(), user)).contains(restricted);
        assertThat(restricted.tally().usageAt(later)).isEqualTo(new SendingUsage(1, 5, 4, 1));
    }

    @Test
    void remembersDecisionsForTheRetentionAcrossPartitionsAndKeepsTheirTableBounded() {
        try {
            DecisionHistory history = context.getBean(DecisionHistory.class);
            Duration retention = DecisionHistory.kept(Duration.ofHours(1)); // the default, and its minute
            Duration period = DecisionPartitions.period(retention);
            // On MariaDB expired partitions are dropped together, a sixteenth of the retention after it.
            Duration forgottenBy = retention.plus(DecisionPartitions.dropDelay(retention)).plus(period);
            Tenant tenant = stored(newTenant("retention"));
            Decision decision = Decision.deliver(false);
            Instant start = Instant.parse("2031-03-01T10:14:00Z");
            resetDecisionHistoryAt(start);
            // The last instant of a period (on MariaDB a partition).
            Instant lastOfPeriod = Instant.parse("2031-03-01T10:14:59.999999Z");
            inTransaction(() -> saveDecision(tenant.id(), "<edge@x>", decision, lastOfPeriod));
            history.forgetOld(Instant.parse("2031-03-01T10:15:00Z"));
            assertThat(findDecision(tenant.id(), "<edge@x>")).as("in the next period").contains(decision);
            history.forgetOld(Instant.parse("2031-03-01T10:15:30Z"));
            assertThat(findDecision(tenant.id(), "<edge@x>")).as("its partition sealed").contains(decision);
            history.forgetOld(lastOfPeriod.plus(retention));
            assertThat(findDecision(tenant.id(), "<edge@x>")).as("at the end of the retention").contains(decision);
            history.forgetOld(lastOfPeriod.plus(forgottenBy).plusNanos(1_000));
            assertThat(findDecision(tenant.id(), "<edge@x>")).as("past the retention").isEmpty();

            // Three more hours of mail flow: a decision every five minutes, the history rotated after each.
            Instant end = start.plus(Duration.ofHours(4));
            List<Instant> decided = new ArrayList<>();
            for (Instant at = start.plus(Duration.ofHours(1)); !at.isAfter(end); at = at.plus(Duration.ofMinutes(5))) {
                Instant when = at;
                inTransaction(() -> saveDecision(tenant.id(), "<" + when + "@x>", decision, when));
                history.forgetOld(when);
                decided.add(when);
            }
            for (Instant at : decided) {
                Optional<Decision> found = findDecision(tenant.id(), "<" + at + "@x>");
                if (at.plus(retention).isAfter(end)) {
                    assertThat(found).as("decided at %s, within the retention", at).contains(decision);
                } else if (!at.plus(forgottenBy).isAfter(end)) {
                    assertThat(found).as("decided at %s, a sixteenth of the retention past it", at).isEmpty();
                }
            }
            long rows = context.getBean(Sql.class).one("SELECT COUNT(*) FROM processed_message", rs -> rs.getLong(1))
                    .orElseThrow();
            assertThat(rows).as("only the decisions of the last retention and a sixteenth")
                    .isBetween(retention.toMinutes() / 5, forgottenBy.toMinutes() / 5 + 1);
            if (DatabaseSettings.isMariaDb(settings.url())) {
                assertThat(new DecisionPartitions(context.getBean(Sql.class)).periodEnds())
                        .as("at most the partitions of the retention's periods, a sixteenth more, and some ahead")
                        .hasSizeLessThanOrEqualTo((int) (forgottenBy.dividedBy(period) + 17))
                        .allMatch(periodEnd -> periodEnd.isAfter(end.minus(forgottenBy)));
            }
        } finally {
            resetDecisionHistoryAt(Instant.now());
        }
    }

    /**
     * Decisions saved at random moments over a few minutes, with rotations between them: every one
     * is found again whether its partition is sealed or not (on MariaDB; the embedded database seals
     * nothing), and no message that was never decided is.
     */
    @Test
    void decisionsAreFoundBeforeAndAfterTheirPartitionIsSealedAndNeverDecidedOnesAreNot() {
        try {
            DecisionHistory history = context.getBean(DecisionHistory.class);
            Tenant tenant = stored(newTenant("sealing"));
            Random random = new Random(20261207);
            Instant start = Instant.parse("2032-05-01T00:00:00Z");
            resetDecisionHistoryAt(start);
            Map<MessageKey, Decision> saved = new HashMap<>();
            Map<MessageKey, Instant> savedAt = new HashMap<>();
            Instant at = start;
            for (int step = 0; step < 60; step++) {
                at = at.plusMillis(random.nextInt(12_000));
                Map<MessageKey, Decision> batch = new HashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    MessageKey key = messageKey(tenant.id(), "<" + step + "." + i + "@seal>");
                    batch.put(key, Decision.deliver(random.nextBoolean()));
                    savedAt.put(key, at);
                }
                Instant when = at;
                inTransaction(() -> processed.save(batch, when));
                saved.putAll(batch);
                if (random.nextInt(3) == 0) {
                    history.forgetOld(at);
                }
                List<MessageKey> asked = new ArrayList<>(saved.keySet());
                asked.add(messageKey(tenant.id(), "<never." + step + "@seal>"));
                assertThat(processed.find(asked)).as("after step %d", step).isEqualTo(saved);
            }
            if (DatabaseSettings.isMariaDb(settings.url())) {
                SealedDecisions.Lookup lookup = context.getBean(SealedDecisions.class).lookup(
                        saved.keySet().stream().map(key -> Sha256.bytes(key.canonical())).toList());
                Instant sealedUntil = lookup.sealed().until();
                assertThat(sealedUntil).as("partitions were sealed").isAfter(start.plusSeconds(60));
                assertThat(lookup.sealedCandidates().values().stream().flatMap(List::stream).map(ByteBuffer::wrap)
                        .toList())
                        .as("the decisions of the sealed partitions are known by their fingerprints")
                        .containsAll(savedAt.entrySet().stream().filter(entry -> entry.getValue().isBefore(sealedUntil))
                                .map(entry -> ByteBuffer.wrap(Sha256.bytes(entry.getKey().canonical()))).toList());
                TreeSet<Instant> ends = new TreeSet<>(new DecisionPartitions(context.getBean(Sql.class)).periodEnds());
                assertThat(lookup.sealedCandidates().keySet()).as("each asked about in its partition only")
                        .allMatch(span -> ends.contains(span.until())
                                && Objects.equals(span.from(), ends.lower(span.until())));

                // A clock set back saves under the sealed partitions' end, where lookups still find it.
                MessageKey late = messageKey(tenant.id(), "<clock-went-back@seal>");
                Instant back = sealedUntil.minusSeconds(30);
                inTransaction(() -> processed.save(Map.of(late, Decision.deliver(false)), back));
                history.forgetOld(at);
                assertThat(processed.find(List.of(late))).as("saved with the clock set back")
                        .containsEntry(late, Decision.deliver(false));
            }
        } finally {
            resetDecisionHistoryAt(Instant.now());
        }
    }

    /**
     * Sealing stays within its heap budget (with a warning), and lookups then ask the unsealed
     * partitions; the meter tells the partitions left unsealed from those sealed within a budget.
     */
    @Test
    void fingerprintsPastTheirHeapBudgetLeaveNewerPartitionsUnsealedAndStillFound() {
        if (!DatabaseSettings.isMariaDb(settings.url())) {
            return; // nothing is sealed on the embedded database
        }
        try {
            Instant start = Instant.parse("2033-01-01T00:00:00Z");
            resetDecisionHistoryAt(start);
            Tenant tenant = stored(newTenant("budget"));
            Sql sql = context.getBean(Sql.class);
            DecisionPartitions partitions = new DecisionPartitions(sql);
            long smallestTable = new Fingerprints().bytes();
            SealingMeter overBudget = new SealingMeter();
            SealedDecisions sealing = new SealedDecisions(sql, settings.url(), Duration.ofHours(1),
                    Duration.ofSeconds(3), smallestTable - 1, overBudget);
            Map<MessageKey, Decision> saved = new HashMap<>();
            for (int minute = 0; minute < 3; minute++) {
                Instant at = start.plus(Duration.ofMinutes(minute));
                MessageKey key = messageKey(tenant.id(), "<budget." + minute + "@x>");
                inTransaction(() -> processed.save(Map.of(key, Decision.deliver(false)), at));
                saved.put(key, Decision.deliver(false));
                partitions.rotate(at, Duration.ofHours(1));
            }
            Instant later = start.plus(Duration.ofMinutes(4));
            sealing.seal(partitions.periodEnds(), later);
            sealing.seal(partitions.periodEnds(), later.plusSeconds(30));
            SealedDecisions.Lookup lookup = sealing.lookup(saved.keySet().stream()
                    .map(key -> Sha256.bytes(key.canonical())).toList());
            assertThat(lookup.sealed()).as("no room for a generation's table: nothing sealed").isNull();
            assertThat(new JdbcProcessedMessages(sql, sealing).find(saved.keySet()))
                    .as("found in the unsealed partitions").isEqualTo(saved);
            assertThat(overBudget.last).as("sealed, unsealed, fingerprint bytes")
                    .containsExactly(0L, sealable(partitions, later.plusSeconds(30)), 0L);

            SealingMeter withinBudget = new SealingMeter();
            new SealedDecisions(sql, settings.url(), Duration.ofHours(1), Duration.ofSeconds(3), Long.MAX_VALUE,
                    withinBudget).seal(partitions.periodEnds(), later);
            long sealedFirst = 1 + SealedDecisions.PER_RUN; // the newest, and older ones
            assertThat(sealable(partitions, later)).as("more than one rotation seals").isGreaterThan(sealedFirst);
            assertThat(withinBudget.last).as("sealed, unsealed, fingerprint bytes after the first rotation")
                    .containsExactly(sealedFirst, sealable(partitions, later) - sealedFirst, smallestTable);
        } finally {
            resetDecisionHistoryAt(Instant.now());
        }
    }

    /** How many partitions a rotation at {@code now} may seal, with the default database timeout (3 s). */
    private static long sealable(DecisionPartitions partitions, Instant now) {
        Instant latestEnd = now.minus(ProcessedMessages.LATEST_SAVE).minusSeconds(3).minus(SealedDecisions.CLOCK_SKEW);
        return partitions.periodEnds().stream().filter(end -> !end.isAfter(latestEnd)).count();
    }

    /** What sealing reported last. */
    private static final class SealingMeter implements DecisionHistoryMeter {

        private long[] last;

        @Override
        public void sealing(int sealedPartitions, int unsealedPartitions, long fingerprintBytes) {
            last = new long[] {sealedPartitions, unsealedPartitions, fingerprintBytes};
        }
    }

    /**
     * The remembered decisions as on a fresh database, rotated first at {@code start}. The tests that
     * rotate them move the clock to times of their own, and reset them to the present when they end:
     * on MariaDB, a decision saved at a time before a sealed partition's end would not be found.
     */
    private void resetDecisionHistoryAt(Instant start) {
        Sql sql = context.getBean(Sql.class);
        if (DatabaseSettings.isMariaDb(settings.url())) {
            // On a connection of the test's own, without the application's timeouts: dropping dozens of
            // partitions can take longer than a decision may wait on a busy machine.
            List<Instant> ends = new DecisionPartitions(sql).periodEnds();
            try (Connection admin = DriverManager.getConnection(settings.url(), settings.user(), settings.password());
                 Statement statement = admin.createStatement()) {
                for (int from = 0; from < ends.size(); from += DecisionPartitions.MOST_DROPPED) {
                    statement.execute("ALTER TABLE processed_message DROP PARTITION " + String.join(", ", ends.stream()
                            .skip(from).limit(DecisionPartitions.MOST_DROPPED).map(DecisionPartitions::name).toList()));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        sql.update("DELETE FROM processed_message");
        context.getBean(DecisionHistory.class).forgetOld(start);
    }

    @Test
    void remembersDecisionsByMessageId() {
        Tenant tenant = stored(newTenant("processed"));
        Decision decision = Decision.reject(SmtpReply.parse("550 5.1.8 Access denied, bad outbound sender"),
                new Ndr("text", "then this"));
        String messageId = "<" + "x".repeat(900) + "@example>";
        inTransaction(() -> saveDecision(tenant.id(), messageId, decision, now));
        assertThat(findDecision(tenant.id(), messageId)).contains(decision);
        assertThat(findDecision(tenant.id(), messageId + "2")).isEmpty();
        assertThat(findDecision(TenantId.newId(), messageId)).isEmpty();
    }

    @Test
    void countsAdminUnblocksInTheWindowButNotOverrides() {
        Tenant tenant = stored(newTenant("unblocks"));
        EmailAddress user = EmailAddress.parse("a", "u@" + tenant.domains().values().get(0));
        inTransaction(() -> {
            unblocks.add(tenant.id(), user, Actor.apiKey("k1"), false, now.minusSeconds(86_400 * 40));
            unblocks.add(tenant.id(), user, Actor.apiKey("k1"), false, now.minusSeconds(86_400 * 2));
            unblocks.add(tenant.id(), user, Actor.operator("ops"), true, now.minusSeconds(86_400));
        });
        assertThat(unblocks.countAdminUnblocksSince(tenant.id(), user, now.minusSeconds(86_400 * 30))).isEqualTo(1);
    }

    /**
     * What an unblock does: each racer locks the sender, lifts the restriction only if it is still
     * there, and records the unblock. Every locker must see what the one before it committed.
     */
    @Test
    void racingUnblocksOfOneRestrictionLiftItOnce() throws Exception {
        Tenant tenant = stored(newTenant("race"));
        EmailAddress user = EmailAddress.parse("a", "u@" + tenant.domains().values().get(0));
        inTransaction(() -> statuses.save(statuses.lock(tenant.id(), user).restrictedBy(Restriction.manual("spam", now))));

        long lifted = race(16, () -> unitOfWork.inTransaction(() -> {
            SenderStatus status = statuses.lock(tenant.id(), user);
            if (!status.isRestrictedAt(now)) {
                return false;
            }
            statuses.save(status.unblockedAt(now));
            unblocks.add(tenant.id(), user, Actor.apiKey("k1"), false, now);
            return true;
        }));

        assertThat(lifted).isEqualTo(1);
        assertThat(unblocks.countAdminUnblocksSince(tenant.id(), user, now.minusSeconds(60))).isEqualTo(1);
        assertThat(statuses.find(tenant.id(), user).orElseThrow().isRestrictedAt(now)).isFalse();
    }

    /** Runs {@code work} on {@code threads} threads released together; how many returned true. */
    private static long race(int threads, Supplier<Boolean> work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<CompletableFuture<Boolean>> racers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                racers.add(CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return work.get();
                }, pool));
            }
            start.countDown();
            CompletableFuture.allOf(racers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            return racers.stream().filter(CompletableFuture::join).count();
        } finally {
            pool.shutdownNow();
        }
    }

    /** The outbox of alert mail: one claim per attempt, due again when the attempt says or the claim runs out. */
    @Test
    void alertMailIsClaimedOncePerAttemptAndDueAgainAsRecorded() {
        Tenant tenant = stored(newTenant("outbox"));
        EmailAddress user = EmailAddress.parse("a", "u@" + tenant.domains().values().get(0));
        Instant raisedAt = now.minus(Duration.ofDays(400));
        Alert alert = Alert.raise(tenant.id(), AlertKind.USER_RESTRICTED, user, "restricted", List.of(user), raisedAt);
        Alert silent = Alert.raise(tenant.id(), AlertKind.USER_RESTRICTED, user, "no one to tell", List.of(), raisedAt);
        inTransaction(() -> {
            alerts.insert(alert);
            alerts.insert(silent);
        });
        assertThat(dueIds(raisedAt)).contains(alert.id()).doesNotContain(silent.id());
        assertThat(alerts.findByTenant(tenant.id(), null, 2)).extracting(Alert::mail)
                .containsExactly(new AlertMail(AlertMail.State.NONE, 0), new AlertMail(AlertMail.State.PENDING, 0));

        Instant claimedUntil = raisedAt.plus(Duration.ofMinutes(10));
        assertThat(alerts.claimMail(alert, raisedAt, claimedUntil)).isTrue();
        assertThat(alerts.claimMail(alert, raisedAt, claimedUntil)).as("claimed already").isFalse();
        assertThat(dueIds(raisedAt.plus(Duration.ofMinutes(9)))).doesNotContain(alert.id());
        Alert unanswered = alerts.mailDue(claimedUntil, 1_000).stream().filter(a -> a.id().equals(alert.id()))
                .findFirst().orElseThrow(() -> new AssertionError("a claim that ran out is due again"));
        assertThat(unanswered.mail()).isEqualTo(new AlertMail(AlertMail.State.PENDING, 1));
        assertThat(alerts.claimMail(alert, claimedUntil, claimedUntil.plusSeconds(600)))
                .as("the attempts counted since it was read").isFalse();

        Instant retryAt = raisedAt.plus(Duration.ofMinutes(1));
        assertThat(alerts.mailAttempted(alert.id(), 1, AlertMail.State.PENDING, retryAt)).isTrue();
        assertThat(dueIds(retryAt.minusMillis(1))).doesNotContain(alert.id());
        assertThat(dueIds(retryAt)).contains(alert.id());
        assertThat(alerts.claimMail(unanswered, retryAt, retryAt.plusSeconds(600))).isTrue();
        assertThat(alerts.mailAttempted(alert.id(), 1, AlertMail.State.FAILED, null))
                .as("the first attempt's claim ran out, and another took the mail over").isFalse();
        assertThat(alerts.mailAttempted(alert.id(), 2, AlertMail.State.SENT, null)).isTrue();
        assertThat(alerts.mailAttempted(alert.id(), 2, AlertMail.State.PENDING, retryAt)).as("sent already").isFalse();
        assertThat(dueIds(now)).doesNotContain(alert.id());
        assertThat(alerts.findByTenant(tenant.id(), null, 2)).extracting(Alert::mail)
                .containsExactly(new AlertMail(AlertMail.State.NONE, 0), new AlertMail(AlertMail.State.SENT, 2));
    }

    private List<UUID> dueIds(Instant at) {
        return alerts.mailDue(at, 1_000).stream().map(Alert::id).toList();
    }

    @Test
    void pagesAlertsAndAuditRecordsNewestFirst() {
        Tenant tenant = stored(newTenant("logs"));
        EmailAddress user = EmailAddress.parse("a", "u@" + tenant.domains().values().get(0));
        List<Alert> raised = new ArrayList<>();
        List<AuditRecord> records = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Instant at = now.plusSeconds(i / 2);
            raised.add(Alert.raise(tenant.id(), AlertKind.USER_RESTRICTED, user, "detail " + i, List.of(user), at));
            records.add(AuditRecord.of(tenant.id(), Actor.SYSTEM, "test.action", "user:" + user, null, "after " + i, at));
        }
        inTransaction(() -> {
            raised.forEach(alerts::insert);
            records.forEach(audit::add);
        });
        List<Alert> firstPage = alerts.findByTenant(tenant.id(), null, 3);
        List<Alert> secondPage = alerts.findByTenant(tenant.id(), firstPage.get(2).id(), 3);
        List<Alert> all = new ArrayList<>(firstPage);
        all.addAll(secondPage);
        assertThat(all).containsExactlyElementsOf(reversed(raised));

        assertThat(audit.findByTenant(tenant.id(), null, 10)).containsExactlyElementsOf(reversed(records));
        assertThat(audit.findByTenant(tenant.id(), records.get(1).id(), 10)).containsExactly(records.get(0));
        assertThat(audit.findByTenant(TenantId.newId(), null, 10)).isEmpty();
        assertThatThrownBy(() -> alerts.findByTenant(tenant.id(), UUID.randomUUID(), 3))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("names no record of this list");
        assertThatThrownBy(() -> audit.findByTenant(TenantId.newId(), records.get(1).id(), 3))
                .as("another tenant's record").isInstanceOf(InvalidValueException.class);

        AuditRecord own = AuditRecord.of(null, Actor.operator("ops"), "test.service", "block-list-entry:x", null,
                "after", now);
        AuditRecord newer = AuditRecord.of(null, Actor.operator("ops"), "test.service", "block-list-entry:y", null,
                "after", now);
        inTransaction(() -> {
            audit.add(own);
            audit.add(newer);
        });
        assertThat(audit.findByTenant(null, null, 500)).as("the service's own records")
                .startsWith(newer, own).doesNotContainAnyElementsOf(records);
        assertThat(audit.findByTenant(null, newer.id(), 1)).containsExactly(own);
    }

    @Test
    void locksCountsAndRemembersManySendersAtOnce() {
        Tenant tenant = stored(newTenant("bulk"));
        Instant at = Instant.parse("2026-06-01T12:00:00Z");
        List<SenderKey> senders = new ArrayList<>();
        for (String local : List.of("c", "a", "b", "a")) {
            senders.add(new SenderKey(tenant.id(), EmailAddress.parse("a", local + "@" + tenant.domains().values().get(0))));
        }
        assertThat(unitOfWork.inTransaction(() -> statuses.lockStored(senders))).as("none stored yet").isEmpty();
        inTransaction(() -> statuses.addNew(senders.subList(0, 2)));
        assertThat(unitOfWork.inTransaction(() -> statuses.lockStored(senders))).as("c and a stored")
                .containsOnlyKeys(senders.get(0), senders.get(1));
        inTransaction(() -> statuses.addNew(senders));
        Map<SenderKey, SenderStatus> locked = unitOfWork.inTransaction(() -> statuses.lockStored(senders));
        assertThat(locked).hasSize(3).allSatisfy((key, status) -> assertThat(status.address()).isEqualTo(key.address()));

        inTransaction(() -> {
            Map<SenderKey, SenderStatus> relocked = statuses.lockStored(senders);
            statuses.saveTallies(List.of(
                    relocked.get(senders.get(0)).counting(new MessageWeight(1, 2, 0), at),
                    relocked.get(senders.get(1)).counting(new MessageWeight(3, 0, 1), at)
                            .counting(new MessageWeight(1, 0, 0), at)));
        });
        Map<SenderKey, SenderStatus> counted = unitOfWork.inTransaction(() -> statuses.lockStored(senders));
        assertThat(counted.get(senders.get(0)).tally().usageAt(at)).isEqualTo(new SendingUsage(1, 2, 3, 0));
        assertThat(counted.get(senders.get(1)).tally().usageAt(at)).isEqualTo(new SendingUsage(4, 0, 4, 1));
        assertThat(counted.get(senders.get(2)).tally()).isEqualTo(SendingTally.EMPTY);

        MessageKey first = messageKey(tenant.id(), "<1@x>");
        MessageKey second = messageKey(tenant.id(), "<2@x>");
        inTransaction(() -> processed.save(Map.of(first, Decision.deliver(false), second, Decision.deliver(true)), at));
        assertThat(processed.find(List.of(first, second, messageKey(tenant.id(), "<3@x>"))))
                .containsOnly(Map.entry(first, Decision.deliver(false)), Map.entry(second, Decision.deliver(true)));
        assertThat(processed.find(List.of(messageKey(TenantId.newId(), "<1@x>"))))
                .as("one message id in another tenant is another message").isEmpty();
        assertThat(processed.find(List.of())).as("no messages, as in a batch of recipient checks").isEmpty();
        MessageKey reordered = new MessageKey(tenant.id(), "<1@x>", first.sender(), reversed(first.recipients()),
                first.verdict());
        assertThat(processed.find(List.of(reordered))).as("the same recipients in another order")
                .containsOnly(Map.entry(reordered, Decision.deliver(false)));
        EmailAddress other = EmailAddress.parse("a", "other@example.org");
        assertThat(processed.find(List.of(
                new MessageKey(tenant.id(), "<1@x>", other, first.recipients(), first.verdict()),
                new MessageKey(tenant.id(), "<1@x>", first.sender(), List.of(other), first.verdict()),
                new MessageKey(tenant.id(), "<1@x>", first.sender(), first.recipients(), Verdict.SPAM))))
                .as("another sender, other recipients or another verdict under a known id is another message")
                .isEmpty();
    }

    private void saveDecision(TenantId tenantId, String messageId, Decision decision, Instant at) {
        processed.save(Map.of(messageKey(tenantId, messageId), decision), at);
    }

    private static MessageKey messageKey(TenantId tenantId, String messageId) {
        return new MessageKey(tenantId, messageId, EmailAddress.parse("a", "sender@example.com"),
                List.of(EmailAddress.parse("a", "b@example.org"), EmailAddress.parse("a", "a@example.net")),
                Verdict.CLEAN);
    }

    @Test
    void blockListEntriesRoundTripAndChangesAreFollowedByVersion() {
        BlockListStore store = context.getBean(BlockListStore.class);
        Tenant tenant = stored(newTenant("blocklist"));
        String domain = unique("listed") + ".example";
        BlockListEntry service = blockListEntry(null, EntryType.DOMAIN, "*." + domain, null);
        BlockListEntry tenants = blockListEntry(tenant.id(), EntryType.URL, domain + "/Path", now.plusSeconds(60));
        long since = store.changesSince(Long.MAX_VALUE - 1, e -> { }, id -> { });
        long version = unitOfWork.inTransaction(() -> {
            long v = store.beginChange();
            store.insert(List.of(service, tenants), v);
            return v;
        });
        assertThat(version).isEqualTo(since + 1);
        assertThat(store.findById(service.id())).contains(service);
        assertThat(store.findByValues(null, List.of(service.value(), tenants.value()))).containsExactly(service);
        assertThat(store.findByValues(tenant.id(), List.of(service.value(), tenants.value()))).containsExactly(tenants);
        assertThat(store.countActive(tenant.id(), EntryType.URL, now)).isEqualTo(1);
        assertThat(store.countActive(tenant.id(), EntryType.URL, now.plusSeconds(60))).as("expired").isZero();

        List<BlockListEntry> upserted = new ArrayList<>();
        List<UUID> removed = new ArrayList<>();
        assertThat(store.changesSince(since, upserted::add, removed::add)).isEqualTo(version);
        assertThat(upserted).containsExactlyInAnyOrder(service, tenants);
        assertThat(store.changesSince(version, upserted::add, removed::add)).isEqualTo(version);
        assertThat(upserted).hasSize(2);

        long removal = unitOfWork.inTransaction(() -> {
            long v = store.beginChange();
            store.delete(List.of(tenants.id()), v);
            return v;
        });
        upserted.clear();
        assertThat(store.changesSince(version, upserted::add, removed::add)).isEqualTo(removal);
        assertThat(upserted).isEmpty();
        assertThat(removed).containsExactly(tenants.id());
        assertThat(store.findById(tenants.id())).isEmpty();
    }

    /** What the domain lets through is stored as given: four-byte characters (utf8mb4) and the latest expiry. */
    @Test
    void emojiAndTheLatestExpiryRoundTrip() {
        BlockListStore store = context.getBean(BlockListStore.class);
        String text = "spam 📧🚫 from 👨‍👩‍👧 🏴󠁧󠁢󠁳󠁣󠁴󠁿 — می‌خواهم";
        BlockListEntry entry = new BlockListEntry(UUID.randomUUID(), null,
                BlockedValue.parse(EntryType.DOMAIN, unique("emoji") + ".example"), text, EntrySource.MANUAL,
                "operator:test", now, BlockListEntry.LATEST_EXPIRY, text, true);
        inTransaction(() -> store.insert(List.of(entry), store.beginChange()));
        BlockListEntry stored = store.findById(entry.id()).orElseThrow();
        assertThat(stored.reason()).isEqualTo(text);
        assertThat(stored.notes()).isEqualTo(text);
        assertThat(stored.expiresAt()).isEqualTo(BlockListEntry.LATEST_EXPIRY);
    }

    @Test
    void rangeExceptionsRoundTripAndAreFollowedAsAChange() {
        BlockListStore store = context.getBean(BlockListStore.class);
        BlockListEntry range = blockListEntry(null, EntryType.IP, "203.0.113.0/24", null);
        BlockListEntry v6 = blockListEntry(null, EntryType.IP, "2001:db8:5::/48", null).withException("2001:db8:5::7");
        long inserted = unitOfWork.inTransaction(() -> {
            long v = store.beginChange();
            store.insert(List.of(range, v6), v);
            return v;
        });
        assertThat(store.findById(range.id())).contains(range);
        assertThat(store.findById(v6.id())).contains(v6);

        BlockListEntry excepted = range.withException("203.0.113.7").withException("203.0.113.10");
        long version = unitOfWork.inTransaction(() -> {
            long v = store.beginChange();
            store.saveExceptions(excepted, v);
            return v;
        });
        assertThat(store.findById(range.id()).orElseThrow().exceptions()).containsExactly("203.0.113.7", "203.0.113.10");
        List<BlockListEntry> upserted = new ArrayList<>();
        assertThat(store.changesSince(inserted, upserted::add, id -> { })).isEqualTo(version);
        assertThat(upserted).containsExactly(excepted);

        inTransaction(() -> store.saveExceptions(range, store.beginChange()));
        assertThat(store.findById(range.id())).as("none again").contains(range);
    }

    @Test
    void aValueIsListedOncePerListAndNothingIsHalfWritten() {
        BlockListStore store = context.getBean(BlockListStore.class);
        String value = unique("dup") + "@elsewhere.example";
        BlockListEntry first = blockListEntry(null, EntryType.SENDER, value, null);
        BlockListEntry other = blockListEntry(null, EntryType.SENDER, unique("other") + "@elsewhere.example", null);
        inTransaction(() -> store.insert(List.of(first), store.beginChange()));
        assertThatThrownBy(() -> inTransaction(() -> store.insert(List.of(other,
                blockListEntry(null, EntryType.SENDER, value, null)), store.beginChange())))
                .isInstanceOf(ConflictException.class);
        assertThat(store.findById(other.id())).as("rolled back whole").isEmpty();
        Tenant tenant = stored(newTenant("dup"));
        BlockListEntry tenantCopy = blockListEntry(tenant.id(), EntryType.SENDER, value, null);
        inTransaction(() -> store.insert(List.of(tenantCopy), store.beginChange()));
        assertThat(store.findById(tenantCopy.id())).as("another list may hold the same value").contains(tenantCopy);
    }

    /** The list holds fewer entries than the import: it is read whole. */
    @Test
    void anImportAddsWhatIsNotListedUnderNewIdsAsOneChange() {
        importsIntoAListHolding(0, 2_500);
    }

    /** The list holds more than four times as many entries as the import: the import's values are looked up. */
    @Test
    void anImportIntoAListHoldingManyMoreEntriesAddsWhatIsNotListed() {
        importsIntoAListHolding(1_200, 200);
    }

    /**
     * Imports five values the list holds, active and expired, with earlier and later expiries than
     * the import's, and {@code newRows} others into a tenant's list that also holds
     * {@code otherEntries} unrelated entries.
     */
    private void importsIntoAListHolding(int otherEntries, int newRows) {
        BlockListStore store = context.getBean(BlockListStore.class);
        String tag = unique("import");
        TenantId tenant = stored(newTenant(tag)).id();
        BlockListEntry never = blockListEntry(tenant, EntryType.SENDER, "a-" + tag + "@import.example", null);
        BlockListEntry expired = blockListEntry(tenant, EntryType.SENDER, "b-" + tag + "@import.example",
                now.minusSeconds(1));
        BlockListEntry expiringSoon = blockListEntry(tenant, EntryType.SENDER, "c-" + tag + "@import.example",
                now.plusSeconds(30));
        BlockListEntry expiringLater = blockListEntry(tenant, EntryType.SENDER, "d-" + tag + "@import.example",
                now.plusSeconds(3_600));
        BlockListEntry expiringSoonToo = blockListEntry(tenant, EntryType.SENDER, "e-" + tag + "@import.example",
                now.plusSeconds(30));
        List<BlockListEntry> listed = new ArrayList<>(List.of(never, expired, expiringSoon, expiringLater,
                expiringSoonToo));
        listed.addAll(inList(tenant, manyEntries(unique("other"), otherEntries)));
        long before = unitOfWork.inTransaction(() -> {
            long v = store.beginChange();
            store.insert(listed, v);
            return v;
        });
        List<BlockListEntry> rows = new ArrayList<>(List.of(
                blockListEntry(tenant, EntryType.SENDER, never.value().value(), now.plusSeconds(60)),
                blockListEntry(tenant, EntryType.SENDER, expired.value().value(), now.plusSeconds(60)),
                blockListEntry(tenant, EntryType.SENDER, expiringSoon.value().value(), now.plusSeconds(60)),
                blockListEntry(tenant, EntryType.SENDER, expiringLater.value().value(), now.plusSeconds(60)),
                blockListEntry(tenant, EntryType.SENDER, expiringSoonToo.value().value(), null)));
        rows.addAll(inList(tenant, manyEntries(tag, newRows)));
        long[] version = new long[1];
        BlockListStore.Imported imported = unitOfWork.inTransaction(() -> {
            version[0] = store.beginChange();
            return store.importEntries(rows, version[0], now);
        });
        assertThat(imported).as("all but the four values listed and active; two of them given a later expiry")
                .isEqualTo(new BlockListStore.Imported(rows.size() - 4, 2));

        List<BlockListEntry> upserted = new ArrayList<>();
        List<UUID> removed = new ArrayList<>();
        assertThat(store.changesSince(before, upserted::add, removed::add)).isEqualTo(version[0]);
        assertThat(removed).as("the expired entry with an imported value").containsExactly(expired.id());
        List<BlockListEntry> added = new ArrayList<>(rows.subList(5, rows.size()));
        added.add(rows.get(1));
        assertThat(upserted).extracting(BlockListEntry::value).containsExactlyInAnyOrderElementsOf(
                concat(added, List.of(expiringSoon, expiringSoonToo)).stream().map(BlockListEntry::value).toList());
        assertThat(upserted).extracting(BlockListEntry::id).doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(rows.stream().map(BlockListEntry::id).toList());
        BlockListEntry stored = upserted.stream().filter(e -> e.value().equals(rows.get(1).value())).findFirst()
                .orElseThrow();
        assertThat(stored).as("every column but the id").isEqualTo(new BlockListEntry(stored.id(), tenant,
                rows.get(1).value(), "a reason", EntrySource.MANUAL, "operator:test", now, now.plusSeconds(60), null,
                false));
        assertThat(upserted).as("extended: the same entries with the import's expiry").contains(
                withExpiry(expiringSoon, now.plusSeconds(60)), withExpiry(expiringSoonToo, null));
        assertThat(store.findByValues(tenant, List.of(never.value(), expiringLater.value())))
                .as("never shortened").containsExactlyInAnyOrder(never, expiringLater);
        assertThat(unitOfWork.inTransaction(() -> store.importEntries(rows, store.beginChange(), now)))
                .as("again: everything is listed, as late as the import says")
                .isEqualTo(new BlockListStore.Imported(0, 0));
    }

    private static BlockListEntry withExpiry(BlockListEntry entry, Instant expiresAt) {
        return new BlockListEntry(entry.id(), entry.tenant(), entry.value(), entry.reason(), entry.source(),
                entry.createdBy(), entry.createdAt(), expiresAt, entry.notes(), entry.delistable(), entry.exceptions());
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    /** A tenant's first import meets an empty list (nothing to look up); its second finds every value listed. */
    @Test
    void anImportIntoAnEmptyListAddsEveryRowAndAgainNothing() {
        BlockListStore store = context.getBean(BlockListStore.class);
        TenantId tenant = stored(newTenant("first-import")).id();
        List<BlockListEntry> rows = inList(tenant, manyEntries(unique("first"), 1_500));
        assertThat(unitOfWork.inTransaction(() -> store.importEntries(rows, store.beginChange(), now)).added())
                .isEqualTo(rows.size());
        assertThat(store.findByValues(tenant, rows.stream().map(BlockListEntry::value).toList())).hasSize(rows.size());
        assertThat(unitOfWork.inTransaction(() -> store.importEntries(rows, store.beginChange(), now)).added())
                .as("again: everything is listed").isZero();
    }

    /** A row the database refuses far into the load (a reason longer than its column) undoes the whole import. */
    @Test
    void anImportThatFailsPartWayWritesNothing() {
        BlockListStore store = context.getBean(BlockListStore.class);
        List<BlockListEntry> rows = new ArrayList<>(manyEntries(unique("failing"), 3_000));
        BlockListEntry tooLong = rows.get(2_500);
        rows.set(2_500, new BlockListEntry(tooLong.id(), null, tooLong.value(), "x".repeat(1_001), tooLong.source(),
                tooLong.createdBy(), now, null, null, true));
        long before = store.changesSince(Long.MAX_VALUE - 1, e -> { }, id -> { });
        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> store.importEntries(rows, store.beginChange(), now)))
                .isInstanceOf(RuntimeException.class);
        assertThat(store.findByValues(null, rows.stream().map(BlockListEntry::value).toList())).isEmpty();
        assertThat(store.changesSince(Long.MAX_VALUE - 1, e -> { }, id -> { })).isEqualTo(before);
    }

    /** The same value twice reaches the unique key during the load (MariaDB's LOAD DATA would only warn). */
    @Test
    void anImportThatClashesWithTheUniqueKeyPartWayIsAConflictAndWritesNothing() {
        BlockListStore store = context.getBean(BlockListStore.class);
        List<BlockListEntry> rows = new ArrayList<>(manyEntries(unique("clashing"), 3_000));
        rows.add(blockListEntry(null, EntryType.IP, rows.get(2_000).value().value(), null));
        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> store.importEntries(rows, store.beginChange(), now)))
                .isInstanceOf(ConflictException.class);
        assertThat(store.findByValues(null, rows.stream().map(BlockListEntry::value).toList())).isEmpty();
    }

    @Test
    void findsTheActiveEntriesOfTheServiceAndTheTenantsListByKey() {
        BlockListStore store = context.getBean(BlockListStore.class);
        Tenant tenant = stored(newTenant("keys"));
        Tenant other = stored(newTenant("keys-other"));
        String domain = unique("keyed") + ".example";
        BlockListEntry service = blockListEntry(null, EntryType.DOMAIN, "*." + domain, null);
        BlockListEntry own = blockListEntry(tenant.id(), EntryType.DOMAIN, "x." + domain, null);
        BlockListEntry others = blockListEntry(other.id(), EntryType.DOMAIN, "x." + domain, null);
        BlockListEntry expired = blockListEntry(null, EntryType.URL, "x." + domain + "/p", now);
        BlockListEntry unrelated = blockListEntry(null, EntryType.DOMAIN, "y." + domain, null);
        inTransaction(() -> store.insert(List.of(service, own, others, expired, unrelated), store.beginChange()));
        List<ListingKeys.Key> keys = List.of(new ListingKeys.Key(EntryType.DOMAIN, "*." + domain),
                new ListingKeys.Key(EntryType.DOMAIN, "x." + domain), new ListingKeys.Key(EntryType.URL, "x." + domain + "/p"),
                new ListingKeys.Key(EntryType.SENDER, "*." + domain));
        assertThat(store.findActiveByKeys(tenant.id(), keys, now)).containsExactlyInAnyOrder(service, own);
        assertThat(store.findActiveByKeys(null, keys, now)).containsExactly(service);
        assertThat(store.findActiveByKeys(null, List.of(), now)).isEmpty();
    }

    @Test
    void pagesBlockListsNewestFirstByTypeAndPrefix() {
        BlockListStore store = context.getBean(BlockListStore.class);
        Tenant tenant = stored(newTenant("paging"));
        List<BlockListEntry> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            entries.add(blockListEntry(tenant.id(), EntryType.SENDER, "p" + i + "_x@page.example", null));
        }
        entries.add(blockListEntry(tenant.id(), EntryType.IP, "192.0.2.0/24", null));
        entries.add(blockListEntry(tenant.id(), EntryType.URL, "p1-x.example/p", null));
        entries.add(blockListEntry(tenant.id(), EntryType.SENDER, "gone@page.example", now.minusSeconds(1)));
        inTransaction(() -> store.insert(entries, store.beginChange()));

        BlockListQuery senders = blockListQuery(tenant, EntryType.SENDER, "");
        BlockListStore.EntryPage first = store.page(senders, null, 3, now);
        assertThat(first.entries()).extracting(e -> e.value().value()).containsExactly("p4_x@page.example",
                "p3_x@page.example", "p2_x@page.example");
        inTransaction(() -> store.delete(List.of(first.entries().get(2).id()), store.beginChange()));
        BlockListStore.EntryPage second = store.page(senders, first.next(), 3, now);
        assertThat(second.entries()).as("paging goes on after the entry the first page ended at was removed")
                .extracting(e -> e.value().value()).containsExactly("p1_x@page.example", "p0_x@page.example");
        assertThat(second.next()).as("the last page").isNull();
        assertThat(store.page(senders, null, 4, now).next()).as("a page that holds all that is left is the last")
                .isNull();
        assertThat(store.page(blockListQuery(tenant, null, "P1_"), null, 10, now).entries())
                .as("the prefix is literal and case-insensitive").extracting(e -> e.value().value())
                .containsExactly("p1_x@page.example");
        assertThat(store.page(blockListQuery(tenant, null, ""), null, 10, now).entries()).as("not the expired one")
                .hasSize(6);
        List<BlockListEntry> exported = new ArrayList<>();
        store.forEachActiveServiceEntry(now, exported::add);
        assertThat(exported).noneMatch(e -> tenant.id().equals(e.tenant()));
    }

    @Test
    void housekeepingRemovesExpiredEntriesAsAChangeOthersFollow() {
        BlockListStore store = context.getBean(BlockListStore.class);
        BlockListEntry expired = blockListEntry(null, EntryType.IP, "198.51.100.77", now.minusSeconds(5));
        BlockListEntry active = blockListEntry(null, EntryType.IP, "198.51.100.78", now.plusSeconds(3600));
        inTransaction(() -> store.insert(List.of(expired, active), store.beginChange()));
        long before = store.changesSince(Long.MAX_VALUE - 1, e -> { }, id -> { });
        context.getBean(Housekeeping.class).purge(now);
        List<UUID> removed = new ArrayList<>();
        store.changesSince(before, e -> { }, removed::add);
        assertThat(removed).contains(expired.id()).doesNotContain(active.id());
        assertThat(store.findById(active.id())).isPresent();
    }

    /**
     * An import that extends an entry while housekeeping is about to remove it as expired: housekeeping
     * waits for the import's version and reads the entry again, so the extended entry stays.
     */
    @Test
    void housekeepingLeavesAnEntryThatAnImportExtendedMeanwhile() throws Exception {
        BlockListStore store = context.getBean(BlockListStore.class);
        BlockListEntry expiring = blockListEntry(null, EntryType.IP, "198.51.100.79", now.plusSeconds(30));
        inTransaction(() -> store.insert(List.of(expiring), store.beginChange()));
        Instant later = now.plus(Duration.ofDays(30));
        CountDownLatch extended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> importing = CompletableFuture.runAsync(() -> inTransaction(() -> {
            store.importEntries(List.of(blockListEntry(null, EntryType.IP, "198.51.100.79", later)),
                    store.beginChange(), now);
            extended.countDown();
            awaitQuietly(commit);
        }));
        assertThat(extended.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> purging = CompletableFuture.runAsync(
                () -> context.getBean(Housekeeping.class).purge(now.plusSeconds(60)));
        Thread.sleep(300); // it finds the entry expired, and waits for the import's version
        commit.countDown();
        importing.get(10, TimeUnit.SECONDS);
        purging.get(10, TimeUnit.SECONDS);
        assertThat(store.findById(expiring.id())).as("extended by the import").get()
                .extracting(BlockListEntry::expiresAt).isEqualTo(later);
    }

    @Test
    void countsDistinctSpamSendersPerRegisteredDomainInTheWindow() {
        SpamSightings sightings = context.getBean(SpamSightings.class);
        Tenant tenant = stored(newTenant("sightings"));
        DomainName domain = new DomainName(unique("spam") + ".example");
        DomainName other = new DomainName(unique("other") + ".example");
        String host = tenant.domains().values().get(0);
        inTransaction(() -> {
            sightings.record(new SenderKey(tenant.id(), EmailAddress.of("a@" + host)), List.of(domain, other),
                    now.minusSeconds(7200));
            sightings.record(new SenderKey(tenant.id(), EmailAddress.of("b@" + host)), List.of(domain), now);
            sightings.record(new SenderKey(tenant.id(), EmailAddress.of("a@" + host)), List.of(domain), now);
        });
        assertThat(sightings.distinctSenders(List.of(domain, other), now.minusSeconds(3600)))
                .containsExactly(Map.entry(domain, 2));
        assertThat(sightings.distinctSenders(List.of(domain, other), now.minusSeconds(9000)))
                .containsOnly(Map.entry(domain, 2), Map.entry(other, 1));
        Tenant second = stored(newTenant("sightings"));
        inTransaction(() -> sightings.record(new SenderKey(second.id(),
                EmailAddress.of("c@" + second.domains().values().get(0))), List.of(other), now.minusSeconds(9000)));
        assertThat(sightings.sendersByTenant(domain, now.minusSeconds(3600))).containsExactly(Map.entry(tenant.id(), 2));
        assertThat(sightings.sendersByTenant(other, now.minusSeconds(9000)))
                .containsOnly(Map.entry(tenant.id(), 1), Map.entry(second.id(), 1));
        assertThat(sightings.sendersByTenant(other, now.minusSeconds(3600))).isEmpty();

        inTransaction(() -> sightings.forget(domain));
        assertThat(sightings.distinctSenders(List.of(domain, other), now.minusSeconds(9000)))
                .as("the other domain's sightings stay").containsOnly(Map.entry(other, 2));
    }

    private static BlockListQuery blockListQuery(Tenant tenant, EntryType type, String prefix) {
        return new BlockListQuery(ListQuery.of(tenant.id(), null, null), type, prefix);
    }

    /** Service-list IPv6 addresses under a network of the tag's own. */
    private List<BlockListEntry> manyEntries(String tag, int count) {
        String network = "2001:db8:" + Integer.toHexString(tag.hashCode() & 0xffff) + ":" + Integer.toHexString(
                (tag.hashCode() >>> 16) & 0xffff) + "::";
        List<BlockListEntry> entries = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            entries.add(blockListEntry(null, EntryType.IP, network + Integer.toHexString(i + 1), null));
        }
        return entries;
    }

    /** The entries as the tenant's. */
    private List<BlockListEntry> inList(TenantId tenant, List<BlockListEntry> entries) {
        return entries.stream().map(e -> blockListEntry(tenant, e.type(), e.value().value(), e.expiresAt())).toList();
    }

    private BlockListEntry blockListEntry(TenantId tenant, EntryType type, String value, Instant expiresAt) {
        return new BlockListEntry(UUID.randomUUID(), tenant, BlockedValue.parse(type, value), "a reason",
                EntrySource.MANUAL, "operator:test", now, expiresAt, tenant == null ? "notes" : null, tenant == null);
    }

    private Optional<Decision> findDecision(TenantId tenantId, String messageId) {
        MessageKey key = messageKey(tenantId, messageId);
        return Optional.ofNullable(processed.find(List.of(key)).get(key));
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private Tenant stored(Tenant tenant) {
        inTransaction(() -> tenants.insert(tenant));
        return tenant;
    }

    @Test
    void tenantChangesAreFollowedByVersionInTheOrderOfEachTenantsLastChange() {
        TenantChanges changes = context.getBean(TenantChanges.class);
        TenantId a = stored(newTenant("changed-a")).id();
        TenantId b = stored(newTenant("changed-b")).id();
        long since = changes.currentVersion();

        long first = unitOfWork.inTransaction(() -> changes.record(a));
        long second = unitOfWork.inTransaction(() -> changes.record(b));
        long third = unitOfWork.inTransaction(() -> changes.record(a));
        assertThat(List.of(first, second, third)).containsExactly(since + 1, since + 2, since + 3);
        assertThat(changes.currentVersion()).isEqualTo(third);

        assertThat(changedSince(changes, since)).as("a changed last").containsExactly(b, a);
        assertThat(changedSince(changes, first)).containsExactly(b, a);
        assertThat(changedSince(changes, second)).containsExactly(a);
        assertThat(changedSince(changes, third)).isEmpty();
        assertThat(changes.changedSince(third, id -> { })).isEqualTo(third);

        assertThatThrownBy(() -> inTransaction(() -> {
            changes.record(b);
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertThat(changes.currentVersion()).as("a rolled-back change leaves no version").isEqualTo(third);
        assertThat(changedSince(changes, third)).isEmpty();
    }

    @Test
    void anUncommittedTenantChangeIsNotSeenAndHoldsTheNextOneBack() throws Exception {
        TenantChanges changes = context.getBean(TenantChanges.class);
        TenantId a = stored(newTenant("held-a")).id();
        TenantId b = stored(newTenant("held-b")).id();
        long since = changes.currentVersion();
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Long> first = CompletableFuture.supplyAsync(() -> unitOfWork.inTransaction(() -> {
                long version = changes.record(a);
                recorded.countDown();
                awaitQuietly(commit);
                return version;
            }), threads);
            assertThat(recorded.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(changes.currentVersion()).as("not committed yet").isEqualTo(since);
            assertThat(changedSince(changes, since)).isEmpty();

            CompletableFuture<Long> second = CompletableFuture.supplyAsync(
                    () -> unitOfWork.inTransaction(() -> changes.record(b)), threads);
            Thread.sleep(200); // lets the second change reach the version's lock before the first commits
            commit.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(since + 1);
            assertThat(second.get(10, TimeUnit.SECONDS)).as("waited for the first").isEqualTo(since + 2);
            assertThat(changedSince(changes, since)).containsExactly(a, b);
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
    }

    private static List<TenantId> changedSince(TenantChanges changes, long since) {
        List<TenantId> changed = new ArrayList<>();
        changes.changedSince(since, changed::add);
        return changed;
    }

    /**
     * What keeps a tenant's changes one at a time, such as two creates racing for its last custom
     * policy: a transaction that records its change first waits for the one before it, and then
     * reads what that one committed (on MariaDB too, whose repeatable read takes its snapshot at
     * the first plain read, after the lock).
     */
    @Test
    void aTenantChangeRecordedFirstReadsWhatTheChangeBeforeItCommitted() throws Exception {
        TenantChanges changes = context.getBean(TenantChanges.class);
        Tenant tenant = stored(newTenant("serial"));
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Void> first = CompletableFuture.runAsync(() -> unitOfWork.inTransaction(() -> {
                changes.record(tenant.id());
                recorded.countDown();
                awaitQuietly(commit);
                policies.insert(OutboundSpamPolicy.defaultFor(tenant.id()));
                return null;
            }), threads);
            assertThat(recorded.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> unitOfWork.inTransaction(() -> {
                changes.record(tenant.id());
                return policies.findByTenant(tenant.id()).size();
            }), threads);
            Thread.sleep(200); // lets the second change reach the version's lock before the first commits
            commit.countDown();

            first.get(10, TimeUnit.SECONDS);
            assertThat(second.get(10, TimeUnit.SECONDS)).as("the policy the first change committed").isEqualTo(1);
        } finally {
            commit.countDown();
            threads.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void portalRequestsAreFoundByTheirTokensHashAndCompleteOnlyOnceBeforeExpiry() {
        PortalRequests requests = context.getBean(PortalRequests.class);
        PortalToken token = PortalToken.generate(new SecureRandom());
        PortalRequest request = PortalRequest.open(EmailAddress.of("bob@portal.example"), "198.51.100.7", token,
                "203.0.113.5", now);
        inTransaction(() -> requests.insert(request));

        assertThat(requests.findByTokenHash(token.hash())).contains(request);
        assertThat(requests.findByTokenHash(PortalToken.generate(new SecureRandom()).hash())).isEmpty();
        assertThat(requests.complete(request.id(), request.expiresAt(), "too late")).as("expired").isFalse();
        assertThat(requests.complete(request.id(), now.plusSeconds(60), "removed ip 198.51.100.7")).isTrue();
        assertThat(requests.complete(request.id(), now.plusSeconds(61), "again")).as("used").isFalse();
        PortalRequest completed = requests.findByTokenHash(token.hash()).orElseThrow();
        assertThat(completed.status()).isEqualTo(PortalRequestStatus.COMPLETED);
        assertThat(completed.completedAt()).isEqualTo(now.plusSeconds(60));
        assertThat(completed.outcome()).isEqualTo("removed ip 198.51.100.7");
        assertThat(requests.newestFirst(PortalRequestStatus.COMPLETED, now, 500)).contains(completed);
        assertThat(requests.newestFirst(PortalRequestStatus.PENDING, now, 500)).doesNotContain(completed);
    }

    @Test
    void aDelistingRequestIsResolvedOnceAndOnlyWhilePending() {
        DelistingRequests requests = context.getBean(DelistingRequests.class);
        Tenant tenant = newTenant("delisting");
        String value = "resolved-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        DelistingRequest request = new DelistingRequest(UUID.randomUUID(), tenant.id(), "SURBL", value,
                DelistingStatus.PENDING, "fixed", "admin@delisting.example", now, null, "asked SURBL");
        unitOfWork.inTransaction(() -> {
            tenants.insert(tenant);
            requests.insert(request);
            return null;
        });
        assertThat(requests.findPending(value)).extracting(DelistingRequest::id).containsExactly(request.id());
        assertThat(requests.findPending(tenant.id(), "SURBL", value)).contains(request);
        assertThat(requests.findPending(tenant.id(), "URIBL", value)).isEmpty();
        DelistingRequest racing = new DelistingRequest(UUID.randomUUID(), tenant.id(), "SURBL", value,
                DelistingStatus.PENDING, "again", "admin@delisting.example", now, null, "asked SURBL");
        assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
            requests.insert(racing);
            return null;
        })).as("pending once").isInstanceOf(ConflictException.class);
        assertThat(requests.resolve(request.id(), now.plusSeconds(60), "no longer listed on SURBL")).isTrue();
        assertThat(requests.resolve(request.id(), now.plusSeconds(61), "again")).as("resolved already").isFalse();
        assertThat(requests.findPending(value)).isEmpty();
        assertThat(requests.findByTenant(tenant.id(), null, 10)).singleElement().satisfies(resolved -> {
            assertThat(resolved.status()).isEqualTo(DelistingStatus.RESOLVED);
            assertThat(resolved.resolvedAt()).isEqualTo(now.plusSeconds(60));
        });
        unitOfWork.inTransaction(() -> {
            requests.insert(racing);
            return null;
        });
        assertThat(requests.findPending(tenant.id(), "SURBL", value)).as("asked again once resolved").contains(racing);
    }

    @Test
    void portalRequestsListByStatusWithExpiredDerivedFromPending() {
        PortalRequests requests = context.getBean(PortalRequests.class);
        PortalRequest old = PortalRequest.open(EmailAddress.of("old@portal.example"), "192.0.2.1",
                PortalToken.generate(new SecureRandom()), "203.0.113.5", now.minus(Duration.ofHours(25)));
        PortalRequest fresh = PortalRequest.open(EmailAddress.of("fresh@portal.example"), "192.0.2.2",
                PortalToken.generate(new SecureRandom()), "203.0.113.5", now);
        PortalRequest failed = PortalRequest.open(EmailAddress.of("failed@portal.example"), "192.0.2.3",
                PortalToken.generate(new SecureRandom()), "203.0.113.5", now);
        inTransaction(() -> {
            requests.insert(old);
            requests.insert(fresh);
            requests.insert(failed);
            requests.markMailFailed(failed.id(), "relay down");
        });

        assertThat(requests.newestFirst(PortalRequestStatus.EXPIRED, now, 500)).extracting(PortalRequest::id)
                .contains(old.id()).doesNotContain(fresh.id(), failed.id());
        assertThat(requests.newestFirst(PortalRequestStatus.PENDING, now, 500)).extracting(PortalRequest::id)
                .contains(fresh.id()).doesNotContain(old.id(), failed.id());
        assertThat(requests.newestFirst(PortalRequestStatus.MAIL_FAILED, now, 500)).singleElement()
                .satisfies(r -> assertThat(r.outcome()).contains("relay down"));
        assertThat(requests.newestFirst(null, now, 2)).extracting(PortalRequest::id)
                .containsExactly(failed.id(), fresh.id());
    }

    @Test
    void housekeepingDropsPortalRequestsAfter90DaysAndRateCountersAfterTheirWindow() {
        PortalRequests requests = context.getBean(PortalRequests.class);
        RateCounters rates = context.getBean(RateCounters.class);
        PortalToken oldToken = PortalToken.generate(new SecureRandom());
        PortalToken recentToken = PortalToken.generate(new SecureRandom());
        inTransaction(() -> {
            requests.insert(PortalRequest.open(EmailAddress.of("aged@portal.example"), "192.0.2.4", oldToken,
                    "203.0.113.5", now.minus(Housekeeping.PORTAL_REQUESTS_KEPT).minusSeconds(1)));
            requests.insert(PortalRequest.open(EmailAddress.of("recent@portal.example"), "192.0.2.5", recentToken,
                    "203.0.113.5", now.minus(Housekeeping.PORTAL_REQUESTS_KEPT).plusSeconds(60)));
        });
        String key = "client:" + UUID.randomUUID();
        Instant window = now.truncatedTo(ChronoUnit.HOURS);
        unitOfWork.inTransaction(() -> rates.increment(key, window.minus(Duration.ofHours(3))));

        context.getBean(Housekeeping.class).purge(now);

        assertThat(requests.findByTokenHash(oldToken.hash())).isEmpty();
        assertThat(requests.findByTokenHash(recentToken.hash())).isPresent();
        assertThat(unitOfWork.inTransaction(() -> rates.increment(key, window.minus(Duration.ofHours(3)))))
                .as("counted afresh").isEqualTo(1);
    }

    @Test
    void rateCountersCountPerKeyAndWindow() {
        RateCounters rates = context.getBean(RateCounters.class);
        Instant window = now.truncatedTo(ChronoUnit.HOURS);
        String key = "client:" + UUID.randomUUID();
        assertThat(unitOfWork.inTransaction(() -> rates.increment(key, window))).isEqualTo(1);
        assertThat(unitOfWork.inTransaction(() -> rates.increment(key, window))).isEqualTo(2);
        assertThat(unitOfWork.inTransaction(() -> rates.increment(key, window.plus(Duration.ofHours(1))))).isEqualTo(1);
        assertThat(unitOfWork.inTransaction(() -> rates.increment("address:" + key, window))).isEqualTo(1);
    }

    private void inTransaction(Runnable work) {
        unitOfWork.inTransaction(() -> {
            work.run();
            return null;
        });
    }

    private static List<String> addresses(List<SenderStatus> statuses) {
        return statuses.stream().map(s -> s.address().localPart()).toList();
    }

    private Tenant newTenant(String prefix, String... extraDomains) {
        List<String> domains = new java.util.ArrayList<>(List.of(unique(prefix) + ".example"));
        for (String extra : extraDomains) {
            domains.add(unique("d") + "." + extra);
        }
        return Tenant.create(TenantName.parse(unique(prefix)), AcceptedDomains.parse(domains), now);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
