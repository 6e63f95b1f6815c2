package org.senderguard.adapters.dns;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tests that need the real DNS server rbldnsd. Under CI ({@code CI=true}, which installs it) they
 * always run, so a missing server fails the build; elsewhere they are skipped with a visible warning.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresRbldnsd.Condition.class)
public @interface RequiresRbldnsd {

    class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("CI=true: DNS tests are required");
            }
            return Rbldnsd.unavailableReason()
                    .map(reason -> {
                        System.err.println("WARNING: skipping " + context.getDisplayName() + ": " + reason);
                        return ConditionEvaluationResult.disabled(reason);
                    })
                    .orElseGet(() -> ConditionEvaluationResult.enabled("rbldnsd is installed"));
        }
    }
}
