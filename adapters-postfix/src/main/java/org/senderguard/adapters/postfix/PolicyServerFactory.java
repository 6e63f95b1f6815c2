package org.senderguard.adapters.postfix;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * The policy server's settings and status, made only when {@code SENDERGUARD_POLICY_PORT} is set.
 * Every setting is read as text and checked by {@link PolicySettings}, so that a bad one stops
 * {@code serve} with one line naming it (CLI commands never make these beans).
 */
@Factory
@Requires(property = PolicyServerFactory.PORT_PROPERTY)
class PolicyServerFactory {

    static final String PORT_PROPERTY = "senderguard.policy.port";

    /** Defaults are applied by PolicySettings: in a placeholder's default a colon (of ::1) would end the name. */
    @Singleton
    PolicySettings policySettings(@Value("${senderguard.policy.port}") String port,
                                  @Value("${senderguard.policy.host:}") String host,
                                  @Value("${senderguard.policy.submitters:}") String submitters,
                                  @Value("${senderguard.policy.fail-mode:}") String failMode,
                                  @Value("${senderguard.policy.high-risk-transport:}") String highRiskTransport,
                                  @Value("${senderguard.policy.idle-timeout:}") String idleTimeout,
                                  @Value("${senderguard.policy.max-connections:}") String maxConnections,
                                  @Value("${senderguard.policy.decision-timeout:}") String decisionTimeout) {
        return PolicySettings.parse(port, host, submitters, failMode, highRiskTransport, idleTimeout, maxConnections,
                decisionTimeout);
    }

    @Singleton
    PolicyServerStatus policyServerStatus(PolicySettings settings) {
        return new PolicyServerStatus(settings.failMode());
    }
}
