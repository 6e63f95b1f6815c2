package org.senderguard.bootstrap;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.senderguard.domain.common.FreeText;

/**
 * The environment variables senderguard reads: the README's Configuration table. Any other variable
 * named {@code SENDERGUARD_...} is a mistyped setting, and ignoring it would leave the default in
 * force without a word: a misspelt {@code SENDERGUARD_DB_URL} would serve mail flow from an empty
 * embedded database, with no tenant and nothing listed. So it stops senderguard at start, naming the
 * setting it most likely meant. The tests' and benchmarks' own variables ({@code SENDERGUARD_TEST_...},
 * {@code SENDERGUARD_BENCH_...}) are theirs, not senderguard's, and are left alone.
 */
final class SettingNames {

    private static final String PREFIX = "SENDERGUARD_";
    private static final List<String> NOT_SETTINGS = List.of("SENDERGUARD_TEST_", "SENDERGUARD_BENCH_");
    /** Edits at most, for "did you mean". */
    private static final int LIKELY = 4;
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(LIKELY);

    static final Set<String> KNOWN = Set.of(
            "SENDERGUARD_PORT", "SENDERGUARD_HOST",
            "SENDERGUARD_DB_URL", "SENDERGUARD_DB_USER", "SENDERGUARD_DB_PASSWORD", "SENDERGUARD_DB_TIMEOUT",
            "SENDERGUARD_DATA_DIR",
            "SENDERGUARD_SMTP_HOST", "SENDERGUARD_SMTP_PORT", "SENDERGUARD_SMTP_FROM", "SENDERGUARD_SMTP_USER",
            "SENDERGUARD_SMTP_PASSWORD", "SENDERGUARD_SMTP_TLS",
            "SENDERGUARD_PUBLIC_URL", "SENDERGUARD_SUPPORT_CONTACT",
            "SENDERGUARD_PORTAL_CLIENT_LIMIT", "SENDERGUARD_PORTAL_ADDRESS_LIMIT", "SENDERGUARD_PORTAL_IP_LIMIT",
            "SENDERGUARD_PORTAL_SERVICE_LIMIT", "SENDERGUARD_PORTAL_NETWORK_LIMIT",
            "SENDERGUARD_PORTAL_CLIENT_ADDRESS_HEADER", "SENDERGUARD_PORTAL_TRUSTED_PROXIES",
            "SENDERGUARD_DNS_RESOLVER", "SENDERGUARD_DNS_TIMEOUT",
            "SENDERGUARD_CDS", "SENDERGUARD_DECISION_RETENTION",
            "SENDERGUARD_AUTH_FAILURE_LIMIT", "SENDERGUARD_AUTH_FAILURE_WINDOW",
            "SENDERGUARD_BLOCKLIST_WIDEST_IPV4", "SENDERGUARD_BLOCKLIST_WIDEST_IPV6",
            "SENDERGUARD_POLICY_PORT", "SENDERGUARD_POLICY_HOST", "SENDERGUARD_POLICY_SUBMITTERS",
            "SENDERGUARD_POLICY_FAIL_MODE", "SENDERGUARD_POLICY_HIGH_RISK_TRANSPORT",
            "SENDERGUARD_POLICY_DECISION_TIMEOUT", "SENDERGUARD_POLICY_IDLE_TIMEOUT",
            "SENDERGUARD_POLICY_MAX_CONNECTIONS",
            "SENDERGUARD_INSTANCE_ID", "SENDERGUARD_LOG_LEVEL");

    private SettingNames() {
    }

    /** The problem with the first (by name) variable of {@code env} that looks like a setting and is none. */
    static Optional<String> unknown(Map<String, String> env) {
        return env.keySet().stream()
                .filter(name -> name.startsWith(PREFIX) && !KNOWN.contains(name)
                        && NOT_SETTINGS.stream().noneMatch(name::startsWith))
                .sorted()
                .findFirst()
                .map(name -> FreeText.escaped(name) + " is not a setting of senderguard" + likeliest(name)
                        .map(meant -> " (did you mean " + meant + "?)").orElse("")
                        + "; the settings are in the README's Configuration table");
    }

    private static Optional<String> likeliest(String name) {
        return KNOWN.stream()
                .map(known -> Map.entry(known, DISTANCE.apply(name, known))) // -1: further than LIKELY
                .filter(known -> known.getValue() >= 0)
                .min(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
    }
}
