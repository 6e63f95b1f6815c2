package org.senderguard.bootstrap;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tests that drive Debian's Chromium through its ChromeDriver. Under CI ({@code CI=true}, which
 * installs both) they always run, so a missing browser fails the build; elsewhere they are skipped
 * with a visible warning.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresChromium.Condition.class)
@interface RequiresChromium {

    Path BROWSER = Path.of("/usr/bin/chromium");
    Path DRIVER = Path.of("/usr/bin/chromedriver");

    class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                return ConditionEvaluationResult.enabled("CI=true: browser tests are required");
            }
            if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
                return ConditionEvaluationResult.enabled("Chromium and ChromeDriver are installed");
            }
            String reason = "needs " + BROWSER + " and " + DRIVER + " (apt-get install chromium chromium-driver)";
            System.err.println("WARNING: skipping " + context.getDisplayName() + ": " + reason);
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
