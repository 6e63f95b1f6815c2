package org.senderguard.adapters.persistence;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("tenant_domain")
record TenantDomainRow(@Id String domain, String tenantId) {
}
