package org.senderguard.bootstrap;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tests that drive a real Postfix of their own ({@link PrivatePostfix}) with swaks. Under CI
 * ({@code CI=true}, which installs both) they always run, so a missing Postfix fails the build;
 * elsewhere they are skipped with a visible warning.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostfix.Condition.class)
@interface RequiresPostfix {

    class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("CI=true: Postfix tests are required");
            }
            return PrivatePostfix.unavailableReason()
                    .map(reason -> {
                        System.err.println("WARNING: skipping " + context.getDisplayName() + ": " + reason);
                        return ConditionEvaluationResult.disabled(reason);
                    })
                    .orElseGet(() -> ConditionEvaluationResult.enabled("Postfix and swaks are installed"));
        }
    }
}
