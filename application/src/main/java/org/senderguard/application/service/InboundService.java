package org.senderguard.application.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.senderguard.application.port.in.CheckReputationUseCase;
import org.senderguard.application.port.in.DecideInboundUseCase;
import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.application.port.in.InboundMessageCommand;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.mailflow.MailFlowAction;
import org.senderguard.domain.mailflow.Ndr;
import org.senderguard.domain.reputation.CheckResult;

/**
 * Decides inbound messages against the block lists held in memory; nothing is written. The
 * service list comes first: when everything that matched is a delistable IP or sender address,
 * the sender is sent to the delist portal (5.7.606); any other match (not delistable, a domain, a
 * link) can only be lifted by Support (5.7.511). Then the tenant's own list, and, when the tenant
 * asks for it, the third-party DNS lists (only real listings count, never error answers).
 */
public class InboundService implements DecideInboundUseCase {

    private static final Decision ACCEPT = new Decision(MailFlowAction.ACCEPT, null, null);

    private final BlockLists lists;
    private final FindTenantUseCase tenants;
    private final CheckReputationUseCase reputation;
    private final Clock clock;
    private final Supplier<String> portalUrl;
    private final String supportContact;

    /**
     * @param portalUrl      the delist portal's address, named in 5.7.606 replies
     * @param supportContact whom to ask about listings the portal cannot lift, named in 5.7.511 replies
     */
    public InboundService(BlockLists lists, FindTenantUseCase tenants, CheckReputationUseCase reputation, Clock clock,
                          Supplier<String> portalUrl, String supportContact) {
        this.lists = lists;
        this.tenants = tenants;
        this.reputation = reputation;
        this.clock = clock;
        this.portalUrl = portalUrl;
        this.supportContact = supportContact;
    }

    @Override
    public Decision decide(InboundMessageCommand message) {
        Instant now = clock.instant();
        String ip = message.clientIp().value();
        List<BlockListEntry> service = matches(message, probe -> lists.service(probe, now));
        if (!service.isEmpty()) {
            boolean portalCanLift = service.stream().allMatch(entry -> entry.delistable()
                    && (entry.type() == EntryType.IP || entry.type() == EntryType.SENDER));
            return portalCanLift ? Ndr.delistableIp(ip, portalUrl.get()) : Ndr.bannedSender(ip, supportContact);
        }
        if (!matches(message, probe -> lists.tenant(message.tenantId(), probe, now)).isEmpty()) {
            return Ndr.blockedByRecipient();
        }
        if (tenants.byId(message.tenantId()).settings().checkThirdPartyLists()) {
            List<String> listing = thirdPartyListings(message);
            if (!listing.isEmpty()) {
                return Ndr.listedByThirdParty(ip, listing);
            }
        }
        return ACCEPT;
    }

    /** The third-party lists that list the client IP or the sender's domain; error answers list nothing. */
    private List<String> thirdPartyListings(InboundMessageCommand message) {
        return Stream.of(message.clientIp(), Probe.domain(message.sender().domain()))
                .flatMap(value -> reputation.check(value).results().stream())
                .filter(CheckResult::listed).map(CheckResult::list).distinct().toList();
    }

    /** The entries of one list that match the client IP, the sender (address and domain) or a link. */
    private static List<BlockListEntry> matches(InboundMessageCommand message,
                                                Function<Probe, List<BlockListEntry>> list) {
        List<BlockListEntry> found = new ArrayList<>();
        Stream.concat(Stream.of(message.clientIp(), Probe.address(message.sender())), message.urls().stream())
                .map(list).forEach(found::addAll);
        return found;
    }
}
