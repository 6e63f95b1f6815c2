package org.senderguard.bootstrap;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.senderguard.adapters.postfix.PolicyServerStatus;

/**
 * /health's view of the Postfix policy server: DOWN while it answers requests by its fail mode
 * (it cannot decide), with since when and how many; UP while it decides.
 */
@Singleton
@Requires(beans = PolicyServerStatus.class)
class PolicyHealthIndicator implements HealthIndicator {

    private final PolicyServerStatus status;

    PolicyHealthIndicator(PolicyServerStatus status) {
        this.status = status;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("failMode", status.failMode().name().toLowerCase(java.util.Locale.ROOT));
        details.put("undecidedAnswers", status.undecidedTotal());
        status.undecidedSince().ifPresent(since -> details.put("undecidedSince", since.toString()));
        return Publishers.just(HealthResult.builder("postfixPolicy",
                status.undecidedSince().isPresent() ? HealthStatus.DOWN : HealthStatus.UP).details(details).build());
    }
}
