package org.senderguard.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.senderguard.application.port.out.ApiKeyRepository;
import org.senderguard.application.port.out.TenantRepository;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.apikey.ApiKey;
import org.senderguard.domain.apikey.ApiKeyToken;
import org.senderguard.domain.apikey.Role;
import org.senderguard.domain.common.ConflictException;
import org.senderguard.domain.common.DomainName;
import org.senderguard.domain.tenant.AcceptedDomains;
import org.senderguard.domain.tenant.Tenant;
import org.senderguard.domain.tenant.TenantName;
import org.senderguard.domain.tenant.TenantSettings;

/**
 * What every database behind the out-ports must do alike. Run against the embedded database and
 * against real MariaDB by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RepositoryContractTest {

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private ApplicationContext context;
    private TenantRepository tenants;
    private ApiKeyRepository keys;
    private UnitOfWork unitOfWork;

    /** Starts the database for this class's tests. */
    abstract DatabaseSettings database();

    /** Stops it again. */
    abstract void dropDatabase();

    @BeforeAll
    void start() {
        context = PersistenceContext.start(database());
        tenants = context.getBean(TenantRepository.class);
        keys = context.getBean(ApiKeyRepository.class);
        unitOfWork = context.getBean(UnitOfWork.class);
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
        Tenant updated = tenant.withSettings(new TenantSettings(7, 14, 500))
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
