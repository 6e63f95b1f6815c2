package org.senderguard.bootstrap;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.senderguard.adapters.persistence.DatabaseTimeouts;
import org.senderguard.application.port.out.AlertNotifier;
import org.senderguard.application.port.out.AlertRepository;
import org.senderguard.application.port.out.ApiKeyRepository;
import org.senderguard.application.port.out.AuditLog;
import org.senderguard.application.port.out.BlockListFeed;
import org.senderguard.application.port.out.BlockListSnapshots;
import org.senderguard.application.port.out.BlockListStore;
import org.senderguard.application.port.out.ChangeFeedMeter;
import org.senderguard.application.port.out.DelistLinkMailer;
import org.senderguard.application.port.out.DelistingRequests;
import org.senderguard.application.port.out.DnsResolver;
import org.senderguard.application.port.out.MailFlowMeter;
import org.senderguard.application.port.out.PolicyRepository;
import org.senderguard.application.port.out.PortalMeter;
import org.senderguard.application.port.out.PortalRequests;
import org.senderguard.application.port.out.ProcessedMessages;
import org.senderguard.application.port.out.RateCounters;
import org.senderguard.application.port.out.RestrictionMeter;
import org.senderguard.application.port.out.SenderStatusRepository;
import org.senderguard.application.port.out.SpamSightings;
import org.senderguard.application.port.out.TenantChanges;
import org.senderguard.application.port.out.TenantRepository;
import org.senderguard.application.port.out.ThirdPartyListStore;
import org.senderguard.application.port.out.ThirdPartyMeter;
import org.senderguard.application.port.out.UnblockHistory;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.application.service.AlertAndAuditService;
import org.senderguard.application.service.AlertDispatcher;
import org.senderguard.application.service.ApiKeyService;
import org.senderguard.application.service.AuthenticationFailures;
import org.senderguard.application.service.BlockListExport;
import org.senderguard.application.service.BlockListImport;
import org.senderguard.application.service.BlockListService;
import org.senderguard.application.service.BlockLists;
import org.senderguard.application.service.DelistPortalService;
import org.senderguard.application.service.DelistingService;
import org.senderguard.application.service.InboundService;
import org.senderguard.application.service.MailTransactionService;
import org.senderguard.application.service.OutboundChecks;
import org.senderguard.application.service.OutboundDecider;
import org.senderguard.application.service.OutboundService;
import org.senderguard.application.service.PolicyService;
import org.senderguard.application.service.PortalSettings;
import org.senderguard.application.service.ReputationService;
import org.senderguard.application.service.RestrictedSenders;
import org.senderguard.application.service.RestrictionService;
import org.senderguard.application.service.SpamFeed;
import org.senderguard.application.service.TenantCaches;
import org.senderguard.application.service.TenantService;
import org.senderguard.domain.blocklist.WideRanges;

/**
 * The wiring: the framework-free application services, created with the adapters that implement
 * their out-ports. Each service is published under every in-port it implements.
 */
@Factory
class ApplicationServices {

    private static final String DECIDERS = "outbound-deciders";
    private static final String PORTAL_URL = "portal-url";
    private static final String SUPPORT_CONTACT = "${senderguard.support-contact:the postmaster of the domain you wrote to}";
    /**
     * Batches in flight at once: while one waits for the database, the other decides. More only
     * make batches smaller and each commit dearer (measured on 2 cores with the policy benchmark at
     * C=32: two deciders answer 14,500 requests/s with p99 8.4 ms, four 11,100/s with p99 13.7 ms;
     * over HTTP two are at least as fast as four).
     */
    private static final int DECIDER_THREADS = 2;
    private static final int MAX_BATCH = 64;

    /** UTC, ticking in microseconds: the precision the database keeps, so stored instants read back equal. */
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Singleton
    TenantService tenantService(TenantRepository tenants, TenantChanges changes, AuditLog audit,
                                UnitOfWork unitOfWork, Clock clock) {
        return new TenantService(tenants, changes, audit, unitOfWork, clock);
    }

    @Singleton
    ApiKeyService apiKeyService(ApiKeyRepository keys, TenantChanges changes, TenantService tenants, AuditLog audit,
                                UnitOfWork unitOfWork, Clock clock, AuthenticationFailures failures) {
        return new ApiKeyService(keys, changes, tenants, audit, unitOfWork, clock, failures);
    }

    /**
     * Bad API keys per client network: {@code SENDERGUARD_AUTH_FAILURE_LIMIT} (default 20) per
     * {@code SENDERGUARD_AUTH_FAILURE_WINDOW} (default 1m), then 429; logged together every
     * {@link AuthenticationFailureLog#INTERVAL}.
     */
    @Singleton
    AuthenticationFailures authenticationFailures(Clock clock,
                                                  @Value("${senderguard.auth.failure-limit:20}") int limit,
                                                  @Value("${senderguard.auth.failure-window:1m}") Duration window) {
        return new AuthenticationFailures(limit, window, AuthenticationFailureLog.INTERVAL, clock);
    }

    @Singleton
    PolicyService policyService(PolicyRepository policies, TenantChanges changes, AuditLog audit,
                                UnitOfWork unitOfWork, Clock clock) {
        return new PolicyService(policies, changes, audit, unitOfWork, clock);
    }

    @Singleton
    TenantCaches tenantCaches(TenantChanges changes, TenantService tenants, PolicyService policies,
                              ApiKeyService keys, RestrictedSenders restricted, ChangeFeedMeter meter) {
        return new TenantCaches(changes, tenants, policies, keys, restricted, meter);
    }

    /** Restricted senders in memory, for MTAs' questions at each recipient; followed like the tenants. */
    @Singleton
    RestrictedSenders restrictedSenders(SenderStatusRepository statuses, TenantChanges changes) {
        return new RestrictedSenders(statuses, changes);
    }

    @Singleton
    OutboundChecks outboundChecks(BlockLists blockLists) {
        return new OutboundChecks(blockLists);
    }

    /** Alert mail goes out on the I/O pool, after the decision that raised it has committed. */
    @Singleton
    AlertDispatcher alertDispatcher(AlertNotifier notifier, AlertRepository alerts,
                                    @Named(TaskExecutors.IO) ExecutorService executor, Clock clock) {
        return new AlertDispatcher(notifier, alerts, executor, clock);
    }

    /**
     * The threads that decide outbound messages in batches, each holding one connection while it
     * works ({@link #DECIDER_THREADS}).
     */
    @Singleton
    @Named(DECIDERS)
    @Bean(preDestroy = "shutdownNow")
    ExecutorService outboundDeciders() {
        return Executors.newFixedThreadPool(DECIDER_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "outbound-decider");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Singleton
    OutboundDecider outboundDecider(TenantService tenants, PolicyService policies, SenderStatusRepository statuses,
                                    ProcessedMessages processed, AlertRepository alerts, AlertDispatcher dispatcher,
                                    AuditLog audit, UnitOfWork unitOfWork, Clock clock, OutboundChecks checks,
                                    RestrictedSenders restricted, RestrictionMeter restrictions) {
        return new OutboundDecider(tenants, policies, statuses, processed, alerts, dispatcher, audit, unitOfWork,
                clock, checks, restricted, restrictions);
    }

    /**
     * A decision waits for the database at most {@code SENDERGUARD_DB_TIMEOUT} (default 3 s, as the
     * persistence adapter's pool and read timeouts); then mail flow is told to try again.
     */
    @Singleton
    OutboundService outboundService(OutboundDecider decider, SpamFeed spamFeed,
                                    @Named(DECIDERS) ExecutorService deciders,
                                    @Value(DatabaseTimeouts.TIMEOUT) Duration databaseTimeout, MailFlowMeter meter) {
        return new OutboundService(decider, spamFeed, deciders, DECIDER_THREADS, MAX_BATCH, databaseTimeout, meter);
    }

    /** Inbound transactions may ask third-party lists over DNS, so they are decided on the I/O pool. */
    @Singleton
    MailTransactionService mailTransactionService(TenantService tenants, OutboundService outbound,
                                                  InboundService inbound, OutboundChecks checks,
                                                  RestrictedSenders restricted,
                                                  @Named(TaskExecutors.IO) ExecutorService executor, Clock clock,
                                                  MailFlowMeter meter) {
        return new MailTransactionService(tenants, outbound, inbound, checks, restricted, executor, clock, meter);
    }

    /**
     * Mail flow waits for the lists a starting server loads as long as it waits for the database;
     * snapshots are kept only where there is a data directory for them (a server).
     */
    @Singleton
    BlockLists blockLists(BlockListStore store, BlockListFeed feed, Optional<BlockListSnapshots> snapshots,
                          @Value(DatabaseTimeouts.TIMEOUT) Duration databaseTimeout, ChangeFeedMeter meter) {
        return new BlockLists(store, feed, snapshots.orElse(BlockListSnapshots.NONE), databaseTimeout, meter);
    }

    /**
     * IP ranges wider than {@code SENDERGUARD_BLOCKLIST_WIDEST_IPV4} (default 8) or
     * {@code SENDERGUARD_BLOCKLIST_WIDEST_IPV6} (default 32) prefix bits are refused, unless an
     * operator passes --allow-wide-ranges.
     */
    @Singleton
    WideRanges wideRanges(@Value("${senderguard.blocklist.widest-ipv4:8}") int widestIpv4,
                          @Value("${senderguard.blocklist.widest-ipv6:32}") int widestIpv6) {
        try {
            return new WideRanges(widestIpv4, widestIpv6);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SENDERGUARD_BLOCKLIST_WIDEST_IPV4 (" + widestIpv4 + ") and "
                    + "SENDERGUARD_BLOCKLIST_WIDEST_IPV6 (" + widestIpv6 + "): " + e.getMessage(), e);
        }
    }

    @Singleton
    BlockListService blockListService(BlockListStore store, SpamSightings sightings, BlockLists lists,
                                      TenantService tenants, ReputationService reputation, AuditLog audit,
                                      UnitOfWork unitOfWork, Clock clock, WideRanges wideRanges) {
        return new BlockListService(store, sightings, lists, tenants, reputation, audit, unitOfWork, clock,
                wideRanges);
    }

    @Singleton
    BlockListImport blockListImport(BlockListStore store, AuditLog audit, UnitOfWork unitOfWork, Clock clock,
                                    WideRanges wideRanges) {
        return new BlockListImport(store, audit, unitOfWork, clock, wideRanges);
    }

    @Singleton
    BlockListExport blockListExport(BlockListStore store, Clock clock) {
        return new BlockListExport(store, clock);
    }

    /**
     * Third-party lists are asked in parallel on the I/O pool, each query within
     * {@code SENDERGUARD_DNS_TIMEOUT} (default 2 s), through the resolver of
     * {@code SENDERGUARD_DNS_RESOLVER}.
     */
    @Singleton
    ReputationService reputationService(ThirdPartyListStore store, DnsResolver dns, DelistingRequests requests,
                                        AuditLog audit, UnitOfWork unitOfWork, Clock clock,
                                        @Named(TaskExecutors.IO) ExecutorService executor,
                                        @Value("${senderguard.dns.timeout:2s}") Duration timeout,
                                        ThirdPartyMeter meter) {
        return new ReputationService(store, dns, requests, audit, unitOfWork, clock, executor, timeout, meter);
    }

    @Singleton
    DelistingService delistingService(DelistingRequests requests, BlockListStore store, SpamSightings sightings,
                                      BlockLists lists, TenantService tenants, ReputationService catalog,
                                      AuditLog audit, UnitOfWork unitOfWork, Clock clock) {
        return new DelistingService(requests, store, sightings, lists, tenants, catalog, audit, unitOfWork, clock);
    }

    /** Spam's links are recorded on the I/O pool, after the decision has been answered. */
    @Singleton
    SpamFeed spamFeed(SpamSightings sightings, TenantRepository tenants, BlockLists lists,
                      BlockListService blockList, Clock clock, @Named(TaskExecutors.IO) ExecutorService executor) {
        return new SpamFeed(sightings, tenants, lists, blockList, clock, executor);
    }

    /**
     * The delist portal's address: {@code SENDERGUARD_PUBLIC_URL} + {@code /delist}, by default under
     * the running server's own address. Inbound rejections link to it; its mail links under it.
     */
    @Singleton
    @Named(PORTAL_URL)
    Supplier<String> portalUrl(BeanProvider<EmbeddedServer> server, @Value("${senderguard.public-url:}") String publicUrl) {
        Supplier<String> base = publicUrl.isBlank() ? () -> server.get().getURL().toString()
                : () -> publicUrl.replaceAll("/+$", "");
        return () -> base.get() + "/delist";
    }

    /** Rejections name the portal, and the contact for listings only Support can lift ({@code SENDERGUARD_SUPPORT_CONTACT}). */
    @Singleton
    InboundService inboundService(BlockLists lists, TenantService tenants, ReputationService reputation, Clock clock,
                                  @Named(PORTAL_URL) Supplier<String> portalUrl,
                                  @Value(SUPPORT_CONTACT) String supportContact, MailFlowMeter meter) {
        return new InboundService(lists, tenants, reputation, clock, portalUrl, supportContact, meter);
    }

    /**
     * Link requests per hour: {@code SENDERGUARD_PORTAL_CLIENT_LIMIT} per client (an IPv4 address or
     * an IPv6 /64; default 10), {@code SENDERGUARD_PORTAL_NETWORK_LIMIT} per network holding it (an
     * IPv4 /24 or IPv6 /48; default 30), {@code SENDERGUARD_PORTAL_ADDRESS_LIMIT} per email address
     * (default 3), {@code SENDERGUARD_PORTAL_IP_LIMIT} per IP address to delist and client (default
     * 5), {@code SENDERGUARD_PORTAL_SERVICE_LIMIT} in all (default 2000).
     */
    @Singleton
    DelistPortalService delistPortalService(PortalRequests requests, RateCounters counters, DelistLinkMailer mailer,
                                            BlockListStore store, BlockLists lists, AuditLog audit,
                                            UnitOfWork unitOfWork, Clock clock,
                                            @Named(PORTAL_URL) Supplier<String> portalUrl,
                                            @Value(SUPPORT_CONTACT) String supportContact,
                                            @Value("${senderguard.portal.client-limit:10}") int clientLimit,
                                            @Value("${senderguard.portal.network-limit:30}") int networkLimit,
                                            @Value("${senderguard.portal.address-limit:3}") int addressLimit,
                                            @Value("${senderguard.portal.ip-limit:5}") int ipLimit,
                                            @Value("${senderguard.portal.service-limit:2000}") int serviceLimit,
                                            PortalMeter meter) {
        return new DelistPortalService(requests, counters, mailer, store, lists, audit, unitOfWork, clock,
                new SecureRandom(), new PortalSettings(portalUrl, supportContact, clientLimit, networkLimit,
                addressLimit, ipLimit, serviceLimit), meter);
    }

    @Singleton
    RestrictionService restrictionService(TenantService tenants, SenderStatusRepository statuses,
                                          RestrictedSenders restricted, UnblockHistory unblocks, AuditLog audit,
                                          UnitOfWork unitOfWork, Clock clock, RestrictionMeter meter) {
        return new RestrictionService(tenants, statuses, restricted, unblocks, audit, unitOfWork, clock, meter);
    }

    @Singleton
    AlertAndAuditService alertAndAuditService(AlertRepository alerts, AuditLog audit) {
        return new AlertAndAuditService(alerts, audit);
    }
}
