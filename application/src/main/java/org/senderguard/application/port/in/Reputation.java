package org.senderguard.application.port.in;

import java.util.List;
import org.senderguard.domain.reputation.CheckResult;

/** What the third-party lists say of a value (its canonical form): one result per list asked. */
public record Reputation(String value, List<CheckResult> results) {
}
