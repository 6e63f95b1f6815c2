package org.senderguard.application.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.senderguard.application.port.in.AuthenticateApiKeyUseCase;
import org.senderguard.application.port.in.Caller;
import org.senderguard.application.port.in.CreateApiKeyCommand;
import org.senderguard.application.port.in.CreateApiKeyUseCase;
import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.application.port.in.IssuedApiKey;
import org.senderguard.application.port.in.ListApiKeysUseCase;
import org.senderguard.application.port.in.RevokeApiKeyUseCase;
import org.senderguard.application.port.out.ApiKeyRepository;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.apikey.ApiKey;
import org.senderguard.domain.apikey.ApiKeyId;
import org.senderguard.domain.apikey.ApiKeyToken;
import org.senderguard.domain.common.NotFoundException;
import org.senderguard.domain.tenant.Tenant;
import org.senderguard.domain.tenant.TenantName;

public class ApiKeyService implements CreateApiKeyUseCase, ListApiKeysUseCase, RevokeApiKeyUseCase,
        AuthenticateApiKeyUseCase {

    private final ApiKeyRepository keys;
    private final FindTenantUseCase tenants;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiKeyService(ApiKeyRepository keys, FindTenantUseCase tenants, UnitOfWork unitOfWork, Clock clock) {
        this.keys = keys;
        this.tenants = tenants;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    @Override
    public IssuedApiKey create(CreateApiKeyCommand command) {
        return unitOfWork.inTransaction(() -> {
            Tenant tenant = tenants.byName(command.tenant());
            ApiKeyToken token = ApiKeyToken.generate(random);
            ApiKey key = ApiKey.issue(token, tenant.id(), command.role(), clock.instant());
            keys.insert(key);
            return new IssuedApiKey(key, token);
        });
    }

    @Override
    public List<ApiKey> list(TenantName tenant) {
        return keys.findByTenant(tenants.byName(tenant).id());
    }

    @Override
    public ApiKey revoke(ApiKeyId id) {
        return unitOfWork.inTransaction(() -> {
            ApiKey key = keys.findById(id).orElseThrow(() -> new NotFoundException("no API key with id " + id));
            ApiKey revoked = key.revoke(clock.instant());
            keys.update(revoked);
            return revoked;
        });
    }

    @Override
    public Optional<Caller> authenticate(String bearerToken) {
        return ApiKeyToken.parse(bearerToken).flatMap(token -> keys.findById(token.id())
                .filter(key -> key.accepts(token))
                .map(key -> new Caller(key.id(), key.tenantId(), key.role())));
    }
}
