package org.senderguard.adapters.rest;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/** The OpenAPI document is generated from the controllers at build time and served at /openapi/senderguard.yml. */
@OpenAPIDefinition(
        info = @Info(title = "senderguard", version = "1",
                description = "Restricted users, block lists and mail-flow decisions. Authenticate with an API key "
                        + "created by an operator: 'Authorization: Bearer <key>'."),
        security = @SecurityRequirement(name = "apiKey"))
@SecurityScheme(name = "apiKey", type = SecuritySchemeType.HTTP, scheme = "bearer")
public final class OpenApiDefinition {

    private OpenApiDefinition() {
    }
}
