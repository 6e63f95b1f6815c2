package org.senderguard.application.port.in;

import java.util.Optional;
import org.senderguard.domain.common.DomainName;
import org.senderguard.domain.tenant.Tenant;

/** Which tenant mail of a domain belongs to: how mail flow that does not authenticate as a tenant finds one. */
public interface FindTenantByDomainUseCase {

    /** The tenant with {@code domain}, or a domain it is a subdomain of, among its accepted domains. */
    Optional<Tenant> owner(DomainName domain);
}
