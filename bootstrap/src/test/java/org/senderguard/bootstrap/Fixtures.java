package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

/** Tenants and keys made through the operator CLI, each with unique names and domains. */
final class Fixtures {

    private Fixtures() {
    }

    static String newTenant() {
        String name = "t-" + UUID.randomUUID().toString().substring(0, 12);
        TestApplication.CliResult result = TestApplication.cli("tenant", "create", name, "--domain", name + ".example");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return name;
    }

    static String newKey(String tenant, String role) {
        TestApplication.CliResult result = TestApplication.cli("api-key", "create", "--tenant", tenant, "--role", role,
                "--output", "json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return (String) result.json().get("key");
    }
}
