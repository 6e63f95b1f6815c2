package org.senderguard.application.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.application.port.in.ListRestrictedUsersUseCase;
import org.senderguard.application.port.in.Page;
import org.senderguard.application.port.in.RestrictUserCommand;
import org.senderguard.application.port.in.RestrictUserUseCase;
import org.senderguard.application.port.in.RestrictedUser;
import org.senderguard.application.port.in.RestrictedUsersQuery;
import org.senderguard.application.port.in.UnblockCommand;
import org.senderguard.application.port.in.UnblockUserUseCase;
import org.senderguard.application.port.out.AuditLog;
import org.senderguard.application.port.out.RestrictionMeter;
import org.senderguard.application.port.out.RestrictionMeter.Unblocker;
import org.senderguard.application.port.out.SenderStatusRepository;
import org.senderguard.application.port.out.UnblockHistory;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.audit.AuditRecord;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.common.NotFoundException;
import org.senderguard.domain.outbound.Restriction;
import org.senderguard.domain.outbound.SenderStatus;
import org.senderguard.domain.outbound.UnblockAllowance;
import org.senderguard.domain.tenant.Tenant;
import org.senderguard.domain.tenant.TenantId;
import org.senderguard.domain.tenant.TenantSettings;

public class RestrictionService implements ListRestrictedUsersUseCase, UnblockUserUseCase, RestrictUserUseCase {

    private final FindTenantUseCase tenants;
    private final SenderStatusRepository statuses;
    private final RestrictedSenders restricted;
    private final UnblockHistory unblocks;
    private final AuditLog audit;
    private final UnitOfWork unitOfWork;
    private final Clock clock;
    private final RestrictionMeter meter;

    /** @param meter told each restriction and unblock once committed */
    public RestrictionService(FindTenantUseCase tenants, SenderStatusRepository statuses, RestrictedSenders restricted,
                              UnblockHistory unblocks, AuditLog audit, UnitOfWork unitOfWork, Clock clock,
                              RestrictionMeter meter) {
        this.tenants = tenants;
        this.statuses = statuses;
        this.restricted = restricted;
        this.unblocks = unblocks;
        this.audit = audit;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
        this.meter = meter;
    }

    @Override
    public Page<RestrictedUser> list(RestrictedUsersQuery query) {
        TenantSettings settings = tenants.byId(query.page().tenantId()).settings();
        Instant now = clock.instant();
        int limit = query.page().limit();
        List<SenderStatus> found = statuses.findRestricted(query.page().tenantId(), now, query.prefix(),
                decodeCursor(query.page().cursor()), limit + 1);
        List<RestrictedUser> items = found.stream().limit(limit)
                .map(status -> restrictedUser(status, settings, now)).toList();
        String next = found.size() > limit ? encodeCursor(items.get(items.size() - 1).address().value()) : null;
        return new Page<>(items, next);
    }

    @Override
    public RestrictedUser get(TenantId tenantId, EmailAddress address) {
        Tenant tenant = tenants.byId(tenantId);
        Instant now = clock.instant();
        EmailAddress user = restrictedAccount(tenantId, address, now);
        return restrictedStatus(tenantId, user, now).map(status -> restrictedUser(status, tenant.settings(), now))
                .orElseThrow(() -> notRestricted(user));
    }

    @Override
    public RestrictedUser unblock(UnblockCommand command) {
        Tenant tenant = tenants.byId(command.tenantId());
        RestrictedUser lifted = unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            EmailAddress user = restrictedAccount(tenant.id(), command.user(), now);
            // Holding the sender's lock while counting makes racing unblocks take turns.
            SenderStatus status = statuses.lock(tenant.id(), user);
            if (!status.isRestrictedAt(now)) {
                throw notRestricted(user);
            }
            allowance(tenant.id(), user, tenant.settings(), now).check(user, command.overrideLimit());
            SenderStatus unblocked = status.unblockedAt(now);
            statuses.save(unblocked);
            restricted.changing(tenant.id());
            unblocks.add(tenant.id(), user, command.actor(), command.overrideLimit(), now);
            audit.add(AuditRecord.of(tenant.id(), command.actor(),
                    command.overrideLimit() ? "restriction.unblock-override" : "restriction.unblock",
                    "user:" + user, status.restriction().describe(), "unblocked: " + command.reason(), now));
            return new RestrictedUser(user, status.restriction(), allowance(tenant.id(), user, tenant.settings(), now));
        });
        restricted.forget(tenant.id());
        meter.unblocked(command.actor().isOperator() ? Unblocker.SUPPORT : Unblocker.ADMIN);
        return lifted;
    }

    @Override
    public RestrictedUser restrict(RestrictUserCommand command) {
        Tenant tenant = tenants.byName(command.tenant());
        if (!tenant.domains().covers(command.user().domain())) {
            // Most likely the wrong tenant: the restriction would hold nobody who sends.
            throw new InvalidValueException("address", command.user() + " is not in " + tenant.name()
                    + "'s accepted domains or their subdomains");
        }
        RestrictedUser user = unitOfWork.inTransaction(() -> {
            Instant now = clock.instant();
            SenderStatus status = statuses.lock(tenant.id(), command.user());
            Restriction restriction = Restriction.manual(command.reason(), now);
            statuses.save(status.restrictedBy(restriction));
            restricted.changing(tenant.id());
            audit.add(AuditRecord.of(tenant.id(), command.actor(), "restriction.add", "user:" + command.user(),
                    status.restrictionAt(now).map(Restriction::describe).orElse(null), restriction.describe(), now));
            return new RestrictedUser(command.user(), restriction,
                    allowance(tenant.id(), command.user(), tenant.settings(), now));
        });
        restricted.forget(tenant.id());
        meter.restricted(user.restriction().limit());
        return user;
    }

    /**
     * The account a restricted user is kept under: the mailbox ({@code user@} for {@code user+tag@}),
     * which answers for its subaddresses; or the subaddress itself when only it is restricted, as
     * one restricted before subaddresses were counted as their mailbox may be.
     */
    private EmailAddress restrictedAccount(TenantId tenantId, EmailAddress address, Instant now) {
        EmailAddress mailbox = address.mailbox();
        boolean onlyTheSubaddress = !mailbox.equals(address) && restrictedStatus(tenantId, mailbox, now).isEmpty()
                && restrictedStatus(tenantId, address, now).isPresent();
        return onlyTheSubaddress ? address : mailbox;
    }

    private Optional<SenderStatus> restrictedStatus(TenantId tenantId, EmailAddress address, Instant now) {
        return statuses.find(tenantId, address).filter(status -> status.isRestrictedAt(now));
    }

    private RestrictedUser restrictedUser(SenderStatus status, TenantSettings settings, Instant now) {
        return new RestrictedUser(status.address(), status.restriction(),
                allowance(status.tenantId(), status.address(), settings, now));
    }

    private UnblockAllowance allowance(TenantId tenantId, EmailAddress user, TenantSettings settings, Instant now) {
        Instant windowStart = now.minus(Duration.ofDays(settings.unblockWindowDays()));
        return new UnblockAllowance(unblocks.countAdminUnblocksSince(tenantId, user, windowStart),
                settings.unblockLimit(), settings.unblockWindowDays());
    }

    private static NotFoundException notRestricted(EmailAddress user) {
        return new NotFoundException(user + " is not restricted");
    }

    private static String encodeCursor(String address) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(address.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        if (cursor == null) {
            return "";
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("cursor", "not a cursor from a previous page");
        }
    }
}
