package org.senderguard.domain.delisting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.blocklist.BlockedValue;
import org.senderguard.domain.blocklist.EntrySource;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.tenant.TenantId;

class DelistPlanTest {

    private static final String IP = "198.51.100.7";

    private static BlockListEntry service(EntryType type, String value, boolean delistable) {
        return new BlockListEntry(UUID.randomUUID(), null, BlockedValue.parse(type, value), "spam",
                EntrySource.MANUAL, "operator:ops", Instant.EPOCH, null, null, delistable);
    }

    @Test
    void delistableSingleAddressesAreRemovedAndRangesExcepted() {
        BlockListEntry single = service(EntryType.IP, IP, true);
        BlockListEntry range = service(EntryType.IP, "198.51.100.0/24", true);
        BlockListEntry sender = service(EntryType.SENDER, "bob@sender.example", true);

        DelistPlan plan = DelistPlan.of(IP, List.of(single, range, sender));

        assertThat(plan.steps(DelistPlan.Action.REMOVE)).extracting(DelistPlan.Step::entry)
                .containsExactly(single, sender);
        assertThat(plan.steps(DelistPlan.Action.EXCEPT)).extracting(DelistPlan.Step::entry).containsExactly(range);
        assertThat(plan.steps(DelistPlan.Action.REFUSE)).isEmpty();
        assertThat(plan.describe()).isEqualTo("removed ip 198.51.100.7; excepted 198.51.100.7 from ip "
                + "198.51.100.0/24; removed sender bob@sender.example");
        assertThat(plan.delists()).isTrue();
        assertThat(plan.clearsIp()).isTrue();
    }

    @Test
    void notDelistableEntriesAndWholeDomainsAreRefused() {
        BlockListEntry pinned = service(EntryType.IP, "198.51.100.0/24", false);
        BlockListEntry domain = service(EntryType.DOMAIN, "sender.example", true);
        BlockListEntry sender = service(EntryType.SENDER, "bob@sender.example", false);

        DelistPlan plan = DelistPlan.of(IP, List.of(pinned, domain, sender));

        assertThat(plan.steps(DelistPlan.Action.REFUSE)).extracting(DelistPlan.Step::entry)
                .containsExactly(pinned, domain, sender);
        assertThat(plan.steps(DelistPlan.Action.REMOVE)).isEmpty();
        assertThat(plan.steps(DelistPlan.Action.EXCEPT)).isEmpty();
        assertThat(plan.delists()).isFalse();
    }

    @Test
    void anIpStillListedByAnotherEntryIsNotCleared() {
        BlockListEntry delistable = service(EntryType.IP, "198.51.100.0/24", true);
        BlockListEntry pinned = service(EntryType.IP, "198.51.0.0/16", false);

        DelistPlan plan = DelistPlan.of(IP, List.of(delistable, pinned));

        assertThat(plan.delists()).isTrue();
        assertThat(plan.clearsIp()).isFalse();
        assertThat(DelistPlan.of(IP, List.of(service(EntryType.SENDER, "bob@sender.example", true))).clearsIp())
                .as("only a sender was listed").isFalse();
    }

    @Test
    void aRangeHoldingAllTheExceptionsItCanIsRefused() {
        BlockListEntry range = service(EntryType.IP, "10.0.0.0/16", true);
        for (int i = 0; i < BlockListEntry.MAX_EXCEPTIONS; i++) {
            range = range.withException("10.0." + (i / 250) + "." + (i % 250 + 1));
        }
        BlockListEntry full = range;

        assertThat(DelistPlan.of("10.0.9.9", List.of(full)).steps(DelistPlan.Action.REFUSE)).hasSize(1);
        assertThatThrownBy(() -> full.withException("10.0.9.9")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("at most 256 exceptions");
    }

    /** A /24 gives the portal 16 exceptions, a /28 one: a listed network cannot delist itself address by address. */
    @Test
    void thePortalExceptsAtMostASixteenthOfARangeAndSixteenAddresses() {
        BlockListEntry range = service(EntryType.IP, "198.51.100.0/24", true);
        for (int i = 0; i < DelistPlan.MAX_PORTAL_EXCEPTIONS; i++) {
            assertThat(DelistPlan.of(IP, List.of(range)).steps(DelistPlan.Action.EXCEPT)).as("exception " + i)
                    .hasSize(1);
            range = range.withException("198.51.100." + (100 + i));
        }
        assertThat(DelistPlan.of(IP, List.of(range)).steps(DelistPlan.Action.REFUSE)).hasSize(1);
        assertThat(DelistPlan.of(IP, List.of(range)).describe())
                .isEqualTo("refused ip 198.51.100.0/24 (not delistable here)");

        BlockListEntry small = service(EntryType.IP, "198.51.100.0/28", true);
        assertThat(DelistPlan.of(IP, List.of(small)).steps(DelistPlan.Action.EXCEPT)).hasSize(1);
        assertThat(DelistPlan.of(IP, List.of(small.withException("198.51.100.1"))).steps(DelistPlan.Action.REFUSE))
                .hasSize(1);
        assertThat(DelistPlan.of("2001:db8::7", List.of(service(EntryType.IP, "2001:db8::/126", true)))
                .steps(DelistPlan.Action.EXCEPT)).as("four addresses: still one").hasSize(1);
    }

    @Test
    void anEntryFoundTwiceIsPlannedOnce() {
        BlockListEntry range = service(EntryType.IP, "198.51.100.0/24", true);
        assertThat(DelistPlan.of(IP, List.of(range, range)).steps()).hasSize(1);
    }

    @Test
    void nothingListedIsAnEmptyPlan() {
        DelistPlan plan = DelistPlan.of(IP, List.of());
        assertThat(plan.steps()).isEmpty();
        assertThat(plan.delists()).isFalse();
        assertThat(plan.clearsIp()).isFalse();
        assertThat(plan.describe()).isEqualTo("nothing listed");
    }

    @Test
    void tenantListsAreNotThePortalsBusiness() {
        BlockListEntry tenants = new BlockListEntry(UUID.randomUUID(), TenantId.of(UUID.randomUUID().toString()),
                BlockedValue.parse(EntryType.IP, IP), "spam", EntrySource.MANUAL, "api-key:1", Instant.EPOCH, null,
                null, true);
        assertThatThrownBy(() -> DelistPlan.of(IP, List.of(tenants))).isInstanceOf(IllegalArgumentException.class);
    }
}
