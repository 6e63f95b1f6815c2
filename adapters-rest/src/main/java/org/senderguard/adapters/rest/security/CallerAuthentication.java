package org.senderguard.adapters.rest.security;

import io.micronaut.security.authentication.Authentication;
import java.util.List;
import java.util.Map;
import org.senderguard.application.port.in.Caller;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.apikey.ApiKeyId;
import org.senderguard.domain.apikey.Role;
import org.senderguard.domain.tenant.TenantId;

/** Carries the {@link Caller} through micronaut-security's {@link Authentication} and back. */
public final class CallerAuthentication {

    private static final String TENANT = "tenantId";
    private static final String ROLE = "role";

    private CallerAuthentication() {
    }

    static Authentication of(Caller caller) {
        return Authentication.build(caller.keyId().value(), List.of(caller.role().name()),
                Map.of(TENANT, caller.tenantId().toString(), ROLE, caller.role().name()));
    }

    /** The actor that audit records name for changes made with this key. */
    public static Actor actor(Authentication authentication) {
        return Actor.apiKey(authentication.getName());
    }

    public static Caller caller(Authentication authentication) {
        Map<String, Object> attributes = authentication.getAttributes();
        return new Caller(new ApiKeyId(authentication.getName()), TenantId.of((String) attributes.get(TENANT)),
                Role.valueOf((String) attributes.get(ROLE)));
    }
}
