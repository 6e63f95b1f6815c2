package org.senderguard.domain.reputation;

import java.util.List;
import java.util.Set;

/** The catalog's starting point: the third-party lists every installation knows, which operators can extend. */
public final class ThirdPartyCatalog {

    private static final List<ThirdPartyList> SEED = List.of(
            new ThirdPartyList("Spamhaus ZEN",
                    "Spamhaus's combined IP list: SBL (spam sources), CSS, XBL (exploited hosts), DROP and PBL"
                            + " (end-user ranges that should not send mail directly)",
                    Set.of(ListedKind.IP), "zen.spamhaus.org", AnswerScheme.SPAMHAUS_ZEN,
                    "https://check.spamhaus.org/", "https://www.spamhaus.org/zen/", true),
            new ThirdPartyList("Spamhaus DBL",
                    "Spamhaus Domain Block List: domains of spam, phishing, malware and botnet C&C, and abused"
                            + " legitimate domains",
                    Set.of(ListedKind.DOMAIN), "dbl.spamhaus.org", AnswerScheme.SPAMHAUS_DBL,
                    "https://check.spamhaus.org/", "https://www.spamhaus.org/dbl/", true),
            new ThirdPartyList("SURBL",
                    "SURBL multi: domains seen in message bodies, by sub-list: phishing, malware, abuse, cracked sites",
                    Set.of(ListedKind.DOMAIN), "multi.surbl.org", AnswerScheme.SURBL,
                    "https://www.surbl.org/surbl-analysis", "https://www.surbl.org/", true),
            new ThirdPartyList("URIBL",
                    "URIBL multi: domains seen in unsolicited mail, by sub-list: black, grey, red",
                    Set.of(ListedKind.DOMAIN), "multi.uribl.com", AnswerScheme.URIBL,
                    "https://admin.uribl.com/", "https://uribl.com/", true),
            new ThirdPartyList("invaluement",
                    "invaluement ivmSIP: IP addresses that send only spam",
                    Set.of(ListedKind.IP), "ivmsip.dnsbl.invaluement.com", AnswerScheme.INVALUEMENT,
                    "https://www.invaluement.com/lookup/", "https://www.invaluement.com/", true),
            new ThirdPartyList("PhishTank",
                    "PhishTank: community-verified phishing URLs; looked up on its site, it has no DNS zone",
                    Set.of(ListedKind.URL), null, AnswerScheme.PLAIN,
                    "https://www.phishtank.com/", "https://www.phishtank.com/faq.php", true));

    private ThirdPartyCatalog() {
    }

    /**
     * The lists of the seed document's table (URIBL, SURBL, Spamhaus, invaluement, PhishTank),
     * Spamhaus as its IP list ZEN and its domain list DBL, with their public zones and portals.
     */
    public static List<ThirdPartyList> seed() {
        return SEED;
    }
}
