package org.senderguard.benchmarks;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the measured outbound decisions were answered: {@code DELIVER}, {@code DELIVER_HIGH_RISK_POOL},
 * {@code REJECT}, or anything else (an error answer, no answer). A benchmark of counted decisions is
 * meant to count deliveries: rejections of restricted senders are cheap and would flatter it.
 */
record ActionMix(long deliver, long highRisk, long reject, long other) {

    /** The least share of deliveries (either pool) for the figures to be those of counted decisions. */
    static final double LEAST_DELIVERED_PERCENT = 90;

    /** The line the wrk script prints after a run, read back by {@link #parse}. */
    static final String WRK_LINE = "actions: deliver %d high-risk %d reject %d other %d";

    private static final Pattern PARSED = Pattern.compile(
            "actions: deliver (\\d+) high-risk (\\d+) reject (\\d+) other (\\d+)");

    /** The mix from a wrk report with the script's {@link #WRK_LINE}. */
    static ActionMix parse(String wrkReport) {
        Matcher matcher = PARSED.matcher(wrkReport);
        if (!matcher.find()) {
            throw new IllegalStateException("wrk's report holds no action counts: " + wrkReport);
        }
        return new ActionMix(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)),
                Long.parseLong(matcher.group(3)), Long.parseLong(matcher.group(4)));
    }

    /** The action of one decision's JSON answer (HTTP status 200), or null for any other answer. */
    static String actionOf(int status, String body) {
        if (status != 200) {
            return null;
        }
        for (String action : new String[] {"DELIVER_HIGH_RISK_POOL", "DELIVER", "REJECT"}) {
            if (body.contains("\"action\":\"" + action + "\"")) {
                return action;
            }
        }
        return null;
    }

    /** Adds one answer as {@link #actionOf} names it. */
    ActionMix plus(String action) {
        if (action == null) {
            return new ActionMix(deliver, highRisk, reject, other + 1);
        }
        return switch (action) {
            case "DELIVER" -> new ActionMix(deliver + 1, highRisk, reject, other);
            case "DELIVER_HIGH_RISK_POOL" -> new ActionMix(deliver, highRisk + 1, reject, other);
            case "REJECT" -> new ActionMix(deliver, highRisk, reject + 1, other);
            default -> new ActionMix(deliver, highRisk, reject, other + 1);
        };
    }

    ActionMix plus(ActionMix more) {
        return new ActionMix(deliver + more.deliver, highRisk + more.highRisk, reject + more.reject,
                other + more.other);
    }

    long total() {
        return deliver + highRisk + reject + other;
    }

    double deliveredPercent() {
        return percent(deliver + highRisk);
    }

    boolean mostlyDelivered() {
        return deliveredPercent() >= LEAST_DELIVERED_PERCENT;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "deliver %,d (%.1f %%), high-risk pool %,d (%.1f %%), reject %,d "
                        + "(%.1f %%), other %,d (%.1f %%): %.1f %% counted deliveries", deliver, percent(deliver),
                highRisk, percent(highRisk), reject, percent(reject), other, percent(other), deliveredPercent());
    }

    private double percent(long count) {
        return total() == 0 ? 0 : 100.0 * count / total();
    }
}
