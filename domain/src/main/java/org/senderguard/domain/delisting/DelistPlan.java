package org.senderguard.domain.delisting;

import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.blocklist.BlockedValue;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.blocklist.ListedEntry;

/**
 * What the delist portal does with the service-list entries that match a sender's IP address and
 * email address: a delistable single address (IP or sender) is removed; a delistable IP range gets
 * an exception for that one IP and keeps blocking the rest; anything else (not delistable, a whole
 * domain or URL, a range with as many exceptions as the portal may give it) is refused, and only
 * Support can lift it.
 */
public record DelistPlan(String ip, List<Step> steps) {

    /**
     * The most exceptions the portal gives one range: a sixteenth of its addresses (at least one),
     * and never more than this, so that the addresses of a listed network cannot delist it one by
     * one. Past that, Support decides (an operator may except up to {@link BlockListEntry#MAX_EXCEPTIONS}).
     */
    public static final int MAX_PORTAL_EXCEPTIONS = 16;

    public enum Action { REMOVE, EXCEPT, REFUSE }

    public record Step(BlockListEntry entry, Action action) {

        public Step {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(action, "action");
        }

        /** One line for the request's outcome and the audit log. */
        public String describe(String ip) {
            String listed = entry.type().name().toLowerCase() + " " + entry.value().value();
            return switch (action) {
                case REMOVE -> "removed " + listed;
                case EXCEPT -> "excepted " + ip + " from " + listed;
                case REFUSE -> "refused " + listed + " (not delistable here)";
            };
        }
    }

    public DelistPlan {
        Objects.requireNonNull(ip, "ip");
        steps = List.copyOf(steps);
    }

    /** The plan for {@code listed}: the active service-list entries matching the IP or the address. */
    public static DelistPlan of(String ip, Collection<BlockListEntry> listed) {
        Map<UUID, Step> steps = new LinkedHashMap<>();
        for (BlockListEntry entry : listed) {
            if (!entry.isServiceEntry()) {
                throw new IllegalArgumentException("the portal delists from the service list only: " + entry.id());
            }
            steps.putIfAbsent(entry.id(), new Step(entry, actionFor(entry)));
        }
        return new DelistPlan(ip, List.copyOf(steps.values()));
    }

    private static Action actionFor(BlockListEntry entry) {
        return !portalCanLift(entry) ? Action.REFUSE
                : entry.value().isRange() ? Action.EXCEPT : Action.REMOVE;
    }

    /**
     * Whether the portal can lift a service-list entry for one sender: a delistable sender address
     * or single IP address, or a delistable range short of the exceptions the portal gives one.
     * What mail flow's replies and the rbldnsd export tell a sender about the portal follows this.
     */
    public static boolean portalCanLift(ListedEntry entry) {
        if (!entry.delistable()) {
            return false;
        }
        return switch (entry.type()) {
            case SENDER -> true;
            case IP -> !entry.value().isRange() || entry.exceptions().size() < portalExceptions(entry.value());
            case DOMAIN, URL -> false;
        };
    }

    /** For an entry of any list: the portal lifts only from the service list. */
    public static boolean portalCanLift(BlockListEntry entry) {
        return entry.isServiceEntry() && portalCanLift(ListedEntry.of(entry));
    }

    private static int portalExceptions(BlockedValue range) {
        return range.addressCount().shiftRight(4).min(BigInteger.valueOf(MAX_PORTAL_EXCEPTIONS))
                .max(BigInteger.ONE).intValue();
    }

    public List<Step> steps(Action action) {
        return steps.stream().filter(step -> step.action() == action).toList();
    }

    /** Whether confirming changes the list at all. */
    public boolean delists() {
        return steps.stream().anyMatch(step -> step.action() != Action.REFUSE);
    }

    /**
     * Whether mail from the IP is accepted once the plan is carried out: something listed it and
     * nothing that lists it is left.
     */
    public boolean clearsIp() {
        List<Step> ipSteps = steps.stream().filter(step -> step.entry().type() == EntryType.IP).toList();
        return !ipSteps.isEmpty() && ipSteps.stream().noneMatch(step -> step.action() == Action.REFUSE);
    }

    /** The steps, one per line; "nothing listed" when there are none. */
    public String describe() {
        return steps.isEmpty() ? "nothing listed"
                : steps.stream().map(step -> step.describe(ip)).collect(Collectors.joining("; "));
    }
}
