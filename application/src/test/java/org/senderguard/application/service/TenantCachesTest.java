package org.senderguard.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.senderguard.application.port.in.Caller;
import org.senderguard.application.port.out.ApiKeyRepository;
import org.senderguard.application.port.out.AuditLog;
import org.senderguard.application.port.out.ChangeFeedMeter;
import org.senderguard.application.port.out.PolicyRepository;
import org.senderguard.application.port.out.TenantChanges;
import org.senderguard.application.port.out.TenantRepository;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.apikey.ApiKey;
import org.senderguard.domain.apikey.ApiKeyId;
import org.senderguard.domain.apikey.ApiKeyToken;
import org.senderguard.domain.apikey.Role;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.audit.AuditRecord;
import org.senderguard.domain.common.DomainName;
import org.senderguard.domain.common.TooManyRequestsException;
import org.senderguard.domain.outbound.OutboundSpamPolicy;
import org.senderguard.domain.outbound.PolicyId;
import org.senderguard.domain.tenant.AcceptedDomains;
import org.senderguard.domain.tenant.Tenant;
import org.senderguard.domain.tenant.TenantId;
import org.senderguard.domain.tenant.TenantName;

/**
 * The caches of tenants' configuration follow the change feed: a tenant changed elsewhere is
 * reloaded (itself, its policies, its API keys), every other tenant stays cached.
 */
class TenantCachesTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private static final String CLIENT = "192.0.2.1";

    /** Reads from the store by what was read: "tenant:ID", "policies:TENANT", "key:ID". */
    private final Map<String, Integer> loads = new HashMap<>();
    private final Feed feed = new Feed();
    private final Store store = new Store();
    private final UnitOfWork unitOfWork = new UnitOfWork() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };
    private final AuditLog audit = new AuditLog() {
        @Override
        public void add(AuditRecord record) {
        }

        @Override
        public List<AuditRecord> findByTenant(TenantId tenantId, UUID before, int limit) {
            return List.of();
        }
    };
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final TenantService tenants = new TenantService(store, feed, audit, unitOfWork, clock);
    private final PolicyService policies = new PolicyService(new DefaultPolicies(), feed, audit, unitOfWork, clock);
    private final ApiKeyService keys = new ApiKeyService(store, feed, tenants, audit, unitOfWork, clock,
            new AuthenticationFailures(20, Duration.ofMinutes(1), Duration.ofSeconds(10), clock));
    /** Only forgotten here, never loaded: it needs no store of sender statuses. */
    private final TenantCaches caches = new TenantCaches(feed, tenants, policies, keys,
            new RestrictedSenders(null, feed), ChangeFeedMeter.NONE);
    private final SecureRandom random = new SecureRandom();

    @Test
    void aTenantChangedElsewhereIsReloadedWholeAndOnlyIt() {
        Tenant a = store.add(tenant("a"));
        Tenant b = store.add(tenant("b"));
        ApiKeyToken keyOfA = store.addKey(a);
        ApiKeyToken otherKeyOfA = store.addKey(a);
        ApiKeyToken keyOfB = store.addKey(b);
        caches.follow();

        readAll(a, b, keyOfA, otherKeyOfA, keyOfB);
        readAll(a, b, keyOfA, otherKeyOfA, keyOfB);
        caches.follow();
        assertThat(loads).as("read once, kept without changes").containsExactlyInAnyOrderEntriesOf(Map.of(
                "tenant:" + a.id(), 1, "tenant:" + b.id(), 1, "policies:" + a.id(), 1, "policies:" + b.id(), 1,
                "key:" + keyOfA.id(), 1, "key:" + otherKeyOfA.id(), 1, "key:" + keyOfB.id(), 1));

        feed.record(a.id()); // committed by another instance
        caches.follow();
        readAll(a, b, keyOfA, otherKeyOfA, keyOfB);
        assertThat(loads).containsExactlyInAnyOrderEntriesOf(Map.of(
                "tenant:" + a.id(), 2, "tenant:" + b.id(), 1, "policies:" + a.id(), 2, "policies:" + b.id(), 1,
                "key:" + keyOfA.id(), 2, "key:" + otherKeyOfA.id(), 2, "key:" + keyOfB.id(), 1));
    }

    @Test
    void aRevocationElsewhereTakesEffectWhenTheFeedReportsIt() {
        Tenant a = store.add(tenant("a"));
        ApiKeyToken token = store.addKey(a);
        caches.follow();
        assertThat(keys.authenticate(token.value(), CLIENT)).isPresent();

        ApiKey revoked = store.keys.get(token.id()).revoke(NOW);
        store.keys.put(token.id(), revoked);
        feed.record(a.id());
        assertThat(keys.authenticate(token.value(), CLIENT)).as("still cached until followed").isPresent();

        caches.follow();
        assertThat(keys.authenticate(token.value(), CLIENT)).isEmpty();
    }

    @Test
    void whileTheFeedCannotBeReadNothingCachedIsKept() {
        Tenant a = store.add(tenant("a"));
        ApiKeyToken token = store.addKey(a);
        caches.follow();
        assertThat(keys.authenticate(token.value(), CLIENT)).isPresent();

        store.keys.put(token.id(), store.keys.get(token.id()).revoke(NOW)); // elsewhere, unreported
        feed.unreachable = true;
        assertThatThrownBy(caches::follow).isInstanceOf(IllegalStateException.class);
        assertThat(keys.authenticateFromMemory(token.value())).isEmpty();
        assertThat(keys.authenticate(token.value(), CLIENT)).as("read afresh").isEmpty();

        feed.unreachable = false;
        caches.follow();
        assertThat(loads).containsEntry("key:" + token.id(), 2);
    }

    @Test
    void aThrottledClientIsRefusedWithoutReadingKeysButKeysAcceptedBeforeStillWork() {
        Tenant a = store.add(tenant("a"));
        ApiKeyToken token = store.addKey(a);
        assertThat(keys.authenticate(token.value(), CLIENT)).isPresent();
        for (int i = 0; i < 20; i++) {
            assertThat(keys.authenticate(ApiKeyToken.generate(random).value(), CLIENT)).isEmpty();
        }
        int loadsBefore = loads.size();
        ApiKeyToken unknown = ApiKeyToken.generate(random);
        assertThatThrownBy(() -> keys.authenticate(unknown.value(), CLIENT))
                .isInstanceOf(TooManyRequestsException.class)
                .satisfies(e -> assertThat(((TooManyRequestsException) e).retryAfter()).isEqualTo(Duration.ofMinutes(1)));
        assertThat(loads).as("refused without reading").hasSize(loadsBefore).doesNotContainKey("key:" + unknown.id());
        assertThat(keys.authenticate(unknown.value(), "192.0.2.2")).as("other clients are not throttled").isEmpty();

        feed.record(a.id());
        caches.follow(); // the key is no longer held in memory
        assertThat(keys.authenticate(token.value(), CLIENT)).as("a key accepted before is read again").isPresent();
    }

    @Test
    void onlyKeysHeldInMemoryAuthenticateWithoutTheStore() {
        Tenant a = store.add(tenant("a"));
        ApiKeyToken token = store.addKey(a);
        assertThat(keys.authenticateFromMemory(token.value())).as("not loaded yet").isEmpty();
        assertThat(loads).isEmpty();

        Caller caller = keys.authenticate(token.value(), CLIENT).orElseThrow();
        assertThat(keys.authenticateFromMemory(token.value())).contains(caller);
        String wrongSecret = token.value().substring(0, token.value().length() - 2)
                + (token.value().endsWith("AA") ? "BB" : "AA");
        assertThat(keys.authenticateFromMemory(wrongSecret)).isEmpty();
        assertThat(keys.authenticateFromMemory("not a token")).isEmpty();
        assertThat(loads).containsExactly(Map.entry("key:" + token.id(), 1));
    }

    @Test
    void theFirstFollowDropsWhatWasCachedBeforeItReadTheVersion() {
        Tenant a = store.add(tenant("a"));
        tenants.byId(a.id());
        store.tenants.put(a.id(), a.withDomains(AcceptedDomains.of(List.of(DomainName.parse("domain", "new.example")))));
        feed.record(a.id()); // before this instance read where the feed stands

        caches.follow();
        assertThat(tenants.byId(a.id()).domains().domains()).containsExactly(DomainName.parse("domain", "new.example"));
    }

    @Test
    void changesMadeHereAreRecordedForTheOtherInstances() {
        Tenant a = store.add(tenant("a"));
        keys.revoke(store.addKey(a).id(), Actor.operator("test"));
        assertThat(feed.log).containsExactly(a.id());
    }

    private void readAll(Tenant a, Tenant b, ApiKeyToken... tokens) {
        for (Tenant tenant : List.of(a, b)) {
            assertThat(tenants.byId(tenant.id())).isEqualTo(store.tenants.get(tenant.id()));
            assertThat(policies.policiesOf(tenant.id()).inOrder()).hasSize(1);
        }
        for (ApiKeyToken token : tokens) {
            assertThat(keys.authenticate(token.value(), CLIENT)).isPresent();
        }
    }

    private static Tenant tenant(String name) {
        return Tenant.create(TenantName.parse("tenant-" + name),
                AcceptedDomains.parse(List.of(name + ".example")), NOW);
    }

    /** The feed as the database keeps it: a log of changed tenants, its length the version. */
    private static final class Feed implements TenantChanges {

        final List<TenantId> log = new ArrayList<>();
        boolean unreachable;

        @Override
        public long record(TenantId tenant) {
            log.add(tenant);
            return log.size();
        }

        @Override
        public long currentVersion() {
            return log.size();
        }

        @Override
        public long changedSince(long since, Consumer<TenantId> changed) {
            if (unreachable) {
                throw new IllegalStateException("the database is unreachable");
            }
            log.subList((int) since, log.size()).forEach(changed);
            return log.size();
        }
    }

    private void loaded(String what) {
        loads.merge(what, 1, Integer::sum);
    }

    /** Every tenant has its default policy only. */
    private final class DefaultPolicies implements PolicyRepository {

        @Override
        public List<OutboundSpamPolicy> findByTenant(TenantId tenantId) {
            loaded("policies:" + tenantId);
            return List.of(OutboundSpamPolicy.defaultFor(tenantId));
        }

        @Override
        public void insert(OutboundSpamPolicy policy) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(OutboundSpamPolicy policy) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void delete(TenantId tenantId, PolicyId id) {
            throw new UnsupportedOperationException();
        }
    }

    /** Tenants and API keys in memory, counting the reads the caches make. */
    private final class Store implements TenantRepository, ApiKeyRepository {

        final Map<TenantId, Tenant> tenants = new HashMap<>();
        final Map<ApiKeyId, ApiKey> keys = new HashMap<>();

        Tenant add(Tenant tenant) {
            tenants.put(tenant.id(), tenant);
            return tenant;
        }

        ApiKeyToken addKey(Tenant tenant) {
            ApiKeyToken token = ApiKeyToken.generate(random);
            keys.put(token.id(), ApiKey.issue(token, tenant.id(), Role.MAIL_FLOW, NOW));
            return token;
        }


        @Override
        public Optional<Tenant> findById(TenantId id) {
            loaded("tenant:" + id);
            return Optional.ofNullable(tenants.get(id));
        }

        @Override
        public Optional<ApiKey> findById(ApiKeyId id) {
            loaded("key:" + id);
            return Optional.ofNullable(keys.get(id));
        }

        @Override
        public void update(ApiKey key) {
            keys.put(key.id(), key);
        }

        @Override
        public void insert(Tenant tenant) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void update(Tenant tenant) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Tenant> findByName(TenantName name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Tenant> lockByName(TenantName name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<TenantId> findOwnerOf(DomainName domain) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Tenant> findAll() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void insert(ApiKey key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<ApiKey> findByTenant(TenantId tenantId) {
            throw new UnsupportedOperationException();
        }
    }
}
