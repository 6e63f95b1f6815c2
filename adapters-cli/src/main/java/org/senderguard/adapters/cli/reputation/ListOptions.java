package org.senderguard.adapters.cli.reputation;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.reputation.AnswerScheme;
import org.senderguard.domain.reputation.ListedKind;
import org.senderguard.domain.reputation.ThirdPartyList;
import picocli.CommandLine.Option;

/** The fields of a third-party list as options; on a change, a missing option keeps the list's value. */
public class ListOptions {

    @Option(names = "--description", paramLabel = "TEXT", description = "What the list is.")
    String description;
    @Option(names = "--lists", split = ",", paramLabel = "IP,DOMAIN,URL", description = "What it lists.")
    List<String> lists;
    @Option(names = "--zone", paramLabel = "ZONE", description = "Its DNS zone, e.g. zen.spamhaus.org.")
    String zone;
    @Option(names = "--answers", paramLabel = "SCHEME",
            description = "How its answers decode: SPAMHAUS_ZEN, SPAMHAUS_DBL, SURBL, URIBL, INVALUEMENT, PLAIN.")
    String answers;
    @Option(names = "--delist-url", paramLabel = "URL", description = "Where to ask for delisting.")
    String delistUrl;
    @Option(names = "--info-url", paramLabel = "URL", description = "Where to read about the list.")
    String infoUrl;

    /** The list as given, on top of {@code current} (null for a new list). */
    ThirdPartyList apply(String name, ThirdPartyList current, Boolean enabled) {
        return new ThirdPartyList(name,
                description != null ? description : current == null ? name : current.description(),
                lists != null ? kinds(lists) : current == null ? EnumSet.of(ListedKind.IP) : current.lists(),
                zone(current),
                answers != null ? scheme(answers) : current == null ? AnswerScheme.PLAIN : current.scheme(),
                delistUrl != null ? delistUrl : current == null ? null : current.delistUrl(),
                infoUrl != null ? infoUrl : current == null ? null : current.infoUrl(),
                enabled != null ? enabled : current == null || current.enabled());
    }

    /**
     * A list is asked over DNS: one added here needs a zone, and a change keeps it (PhishTank, which
     * has none, comes with the catalog). A list no longer to be asked is disabled, not left zoneless.
     */
    private String zone(ThirdPartyList current) {
        if (zone != null && zone.isBlank()) {
            throw new InvalidValueException("--zone", "a DNS zone name is required; to stop asking a list, --disable it");
        }
        if (zone == null && current == null) {
            throw new InvalidValueException("--zone", "a DNS zone name is required, e.g. --zone zen.spamhaus.org: "
                    + "senderguard asks the lists it adds over DNS");
        }
        return zone != null ? zone : current.zone();
    }

    private static Set<ListedKind> kinds(List<String> values) {
        Set<ListedKind> kinds = EnumSet.noneOf(ListedKind.class);
        for (String value : values) {
            try {
                kinds.add(ListedKind.valueOf(value.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("--lists", FreeText.quoted(value) + " is not one of IP, DOMAIN, URL");
            }
        }
        return kinds;
    }

    private static AnswerScheme scheme(String value) {
        try {
            return AnswerScheme.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("--answers", FreeText.quoted(value) + " is not one of SPAMHAUS_ZEN, SPAMHAUS_DBL, "
                    + "SURBL, URIBL, INVALUEMENT, PLAIN");
        }
    }
}
