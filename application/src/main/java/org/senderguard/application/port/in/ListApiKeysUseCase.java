package org.senderguard.application.port.in;

import java.util.List;
import org.senderguard.domain.apikey.ApiKey;
import org.senderguard.domain.tenant.TenantName;

public interface ListApiKeysUseCase {

    /** The tenant's keys, revoked ones included, oldest first. */
    List<ApiKey> list(TenantName tenant);
}
