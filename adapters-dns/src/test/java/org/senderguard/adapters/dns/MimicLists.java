package org.senderguard.adapters.dns;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.senderguard.domain.reputation.AnswerScheme;
import org.senderguard.domain.reputation.ListedKind;
import org.senderguard.domain.reputation.ThirdPartyCatalog;
import org.senderguard.domain.reputation.ThirdPartyList;

/**
 * Test zones that answer like the seeded third-party lists (see the files under
 * {@code /rbldnsd/} for what each lists), served by {@link Rbldnsd}.
 */
public final class MimicLists {

    public static final String ZEN = "zen.bl.test";
    public static final String DBL = "dbl.bl.test";
    public static final String SURBL = "multi.surbl.bl.test";
    public static final String URIBL = "multi.uribl.bl.test";
    public static final String INVALUEMENT = "ivmsip.bl.test";
    public static final String PLAIN = "plain.bl.test";

    /** A list decoded as {@link AnswerScheme#PLAIN}, served in zone {@link #PLAIN}; not one of the seed. */
    public static final ThirdPartyList PLAIN_LIST = new ThirdPartyList("Plain", "any 127.0.0.0/8 answer is a listing",
            Set.of(ListedKind.IP), PLAIN, AnswerScheme.PLAIN, "https://plain.bl.test/delist", null, true);

    private static final Map<String, String> SEED_ZONES = Map.of(
            "zen.spamhaus.org", ZEN,
            "dbl.spamhaus.org", DBL,
            "multi.surbl.org", SURBL,
            "multi.uribl.com", URIBL,
            "ivmsip.dnsbl.invaluement.com", INVALUEMENT);

    private MimicLists() {
    }

    public static List<Rbldnsd.Zone> zones() {
        return List.of(
                Rbldnsd.Zone.resource(ZEN, "combined", "/rbldnsd/zen.combined"),
                Rbldnsd.Zone.resource(DBL, "dnset", "/rbldnsd/dbl.dnset"),
                Rbldnsd.Zone.resource(SURBL, "dnset", "/rbldnsd/surbl.dnset"),
                Rbldnsd.Zone.resource(URIBL, "dnset", "/rbldnsd/uribl.dnset"),
                Rbldnsd.Zone.resource(INVALUEMENT, "ip4set", "/rbldnsd/ivmsip.ip4set"),
                Rbldnsd.Zone.resource(PLAIN, "ip4set", "/rbldnsd/plain.ip4set"));
    }

    public static Rbldnsd start() {
        return Rbldnsd.start(zones());
    }

    /** The seed catalog with each list's zone replaced by the zone that mimics it. */
    public static List<ThirdPartyList> catalog() {
        return ThirdPartyCatalog.seed().stream()
                .map(list -> list.zone() == null ? list
                        : new ThirdPartyList(list.name(), list.description(), list.lists(),
                                SEED_ZONES.getOrDefault(list.zone(), list.zone()), list.scheme(), list.delistUrl(),
                                list.infoUrl(), list.enabled()))
                .toList();
    }

    /** The mimicked list with this seed name, such as "Spamhaus ZEN". */
    public static ThirdPartyList list(String name) {
        return catalog().stream().filter(list -> list.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no seeded list " + name));
    }
}
