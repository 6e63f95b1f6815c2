package org.senderguard.adapters.portal;

import java.util.List;
import org.senderguard.application.port.in.DelistReview;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.delisting.DelistPlan;

/** A delist plan in the sender's words: what will be (or was) delisted, and what only Support can lift. */
record PlanLines(List<String> delisted, List<String> refused) {

    static PlanLines of(DelistReview review, boolean done) {
        DelistPlan plan = review.plan();
        String ip = review.request().ip();
        List<String> delisted = plan.steps().stream().filter(step -> step.action() != DelistPlan.Action.REFUSE)
                .map(step -> step.action() == DelistPlan.Action.REMOVE
                        ? what(step.entry()) + (done ? " was taken off" : " will be taken off") + " the block list."
                        : "The IP range " + step.entry().value().value() + " stays listed, but " + ip
                        + (done ? " is" : " will") + " no longer" + (done ? "" : " be") + " blocked by it.")
                .toList();
        List<String> refused = plan.steps(DelistPlan.Action.REFUSE).stream()
                .map(step -> what(step.entry()) + " cannot be delisted here.")
                .toList();
        return new PlanLines(delisted, refused);
    }

    private static String what(BlockListEntry entry) {
        String value = entry.value().value();
        return switch (entry.type()) {
            case IP -> (entry.value().isRange() ? "The IP range " : "The IP address ") + value;
            case SENDER -> "The email address " + value;
            case DOMAIN -> "The domain " + value;
            case URL -> "The website " + value;
        };
    }

    boolean isEmpty() {
        return delisted.isEmpty() && refused.isEmpty();
    }
}
