package org.senderguard.application.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.senderguard.application.port.in.AuthenticateApiKeyUseCase;
import org.senderguard.application.port.in.Caller;
import org.senderguard.application.port.in.CreateApiKeyCommand;
import org.senderguard.application.port.in.CreateApiKeyUseCase;
import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.application.port.in.IssuedApiKey;
import org.senderguard.application.port.in.ListApiKeysUseCase;
import org.senderguard.application.port.in.RevokeApiKeyUseCase;
import org.senderguard.application.port.out.ApiKeyRepository;
import org.senderguard.application.port.out.AuditLog;
import org.senderguard.application.port.out.TenantChanges;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.apikey.ApiKey;
import org.senderguard.domain.apikey.ApiKeyId;
import org.senderguard.domain.apikey.ApiKeyToken;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.audit.AuditRecord;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.NotFoundException;
import org.senderguard.domain.common.TooManyRequestsException;
import org.senderguard.domain.tenant.Tenant;
import org.senderguard.domain.tenant.TenantId;
import org.senderguard.domain.tenant.TenantName;

public class ApiKeyService implements CreateApiKeyUseCase, ListApiKeysUseCase, RevokeApiKeyUseCase,
        AuthenticateApiKeyUseCase {

    private final ApiKeyRepository keys;
    private final TenantChanges changes;
    private final FindTenantUseCase tenants;
    private final AuditLog audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /**
     * Every request authenticates; a revocation here is seen at once, one made elsewhere when the
     * change feed reports it.
     */
    private final UntilChangedCache<ApiKeyId, ApiKey> keysById = new UntilChangedCache<>();
    /** Keys that have authenticated here: as many as there are real keys, however many are guessed. */
    private final Set<ApiKeyId> acceptedBefore = ConcurrentHashMap.newKeySet();
    private final AuthenticationFailures failures;

    public ApiKeyService(ApiKeyRepository keys, TenantChanges changes, FindTenantUseCase tenants, AuditLog audit,
                         UnitOfWork unitOfWork, Clock clock, AuthenticationFailures failures) {
        this.keys = keys;
        this.changes = changes;
        this.tenants = tenants;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.failures = failures;
    }

    @Override
    public IssuedApiKey create(CreateApiKeyCommand command) {
        return unitOfWork.inTransaction(() -> {
            Tenant tenant = tenants.byName(command.tenant());
            ApiKeyToken token = ApiKeyToken.generate(random);
            ApiKey key = ApiKey.issue(token, tenant.id(), command.role(), clock.instant());
            keys.insert(key);
            audit.add(AuditRecord.of(tenant.id(), command.actor(), "api-key.create", target(key), null,
                    describe(key), key.createdAt()));
            changes.record(tenant.id());
            return new IssuedApiKey(key, token);
        });
    }

    @Override
    public List<ApiKey> list(TenantName tenant) {
        return keys.findByTenant(tenants.byName(tenant).id());
    }

    @Override
    public ApiKey revoke(ApiKeyId id, Actor actor) {
        ApiKey revoked = unitOfWork.inTransaction(() -> {
            ApiKey key = keys.findById(id).orElseThrow(() -> new NotFoundException("no API key with id " + id));
            ApiKey changed = key.revoke(clock.instant());
            keys.update(changed);
            audit.add(AuditRecord.of(key.tenantId(), actor, "api-key.revoke", target(key), describe(key),
                    describe(changed), changed.revokedAt()));
            changes.record(key.tenantId());
            return changed;
        });
        keysById.invalidate(id); // after the commit, so that no request reloads the key as it was
        return revoked;
    }

    /** Drops every key of the tenant, changed elsewhere, from the cache. */
    void forget(TenantId tenantId) {
        keysById.invalidateIf(key -> key.tenantId().equals(tenantId));
    }

    void forgetAll() {
        keysById.invalidateAll();
    }

    private static String target(ApiKey key) {
        return "api-key:" + key.id();
    }

    /** What the audit log keeps of a key: never its secret, nor the secret's hash. */
    private static String describe(ApiKey key) {
        return key.role() + " key " + key.id() + (key.isActive() ? "" : ", revoked at " + key.revokedAt());
    }

    @Override
    public Optional<Caller> authenticate(String bearerToken, String clientIp) {
        String client = Probe.ip("clientIp", clientIp).clientNetwork();
        Optional<Duration> throttled = failures.throttled(client);
        Optional<Caller> caller = authenticate(bearerToken, throttled.isEmpty()
                ? id -> keysById.find(id, keys::findById)
                : id -> acceptedBefore.contains(id) ? keysById.find(id, keys::findById) : keysById.peek(id));
        if (caller.isEmpty()) {
            failures.failed(client);
            throttled.ifPresent(wait -> {
                throw new TooManyRequestsException(
                        "too many failed authentications from your network; try again later", wait);
            });
        }
        return caller;
    }

    @Override
    public Optional<Caller> authenticateFromMemory(String bearerToken) {
        return authenticate(bearerToken, keysById::peek);
    }

    private Optional<Caller> authenticate(String bearerToken, Function<ApiKeyId, Optional<ApiKey>> keyById) {
        Optional<Caller> caller = ApiKeyToken.parse(bearerToken).flatMap(token -> keyById.apply(token.id())
                .filter(key -> key.accepts(token))
                .map(key -> new Caller(key.id(), key.tenantId(), key.role())));
        caller.ifPresent(accepted -> acceptedBefore.add(accepted.keyId()));
        return caller;
    }
}
