package org.senderguard.adapters.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tests that need the real MariaDB server. Under CI ({@code CI=true}) they always run, so an
 * unreachable server fails the build; elsewhere they are skipped with a visible warning.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresMariaDb.Condition.class)
public @interface RequiresMariaDb {

    class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("CI=true: MariaDB tests are required");
            }
            return MariaDbTestDatabase.unavailableReason()
                    .map(reason -> {
                        System.err.println("WARNING: skipping " + context.getDisplayName() + ": " + reason);
                        return ConditionEvaluationResult.disabled(reason);
                    })
                    .orElseGet(() -> ConditionEvaluationResult.enabled("MariaDB is reachable"));
        }
    }
}
