package org.senderguard.adapters.rest.mailflow;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import org.senderguard.adapters.rest.Roles;
import org.senderguard.adapters.rest.security.CallerAuthentication;
import org.senderguard.application.port.in.DecideInboundUseCase;
import org.senderguard.application.port.in.DecideOutboundUseCase;
import org.senderguard.application.port.in.InboundMessageCommand;
import java.util.concurrent.CompletableFuture;
import org.senderguard.application.port.in.ReportVerdictUseCase;
import org.senderguard.application.port.in.VerdictReport;

/**
 * Answers without holding a thread: decisions are made by the batch deciders, and the answer follows
 * the commit, rendered on the request's event loop ({@link RequestLoop}).
 */
@Controller("/api/v1/mail-flow")
@Secured(Roles.MAIL_FLOW)
public class MailFlowController {

    private final DecideOutboundUseCase decideOutbound;
    private final DecideInboundUseCase decideInbound;
    private final ReportVerdictUseCase reportVerdict;

    public MailFlowController(DecideOutboundUseCase decideOutbound, DecideInboundUseCase decideInbound,
                              ReportVerdictUseCase reportVerdict) {
        this.decideOutbound = decideOutbound;
        this.decideInbound = decideInbound;
        this.reportVerdict = reportVerdict;
    }

    @Post("/outbound")
    @Operation(summary = "Decide one outbound message: DELIVER, DELIVER_HIGH_RISK_POOL or REJECT with the SMTP "
            + "reply and an NDR; counts the message against the sender's limits")
    public CompletableFuture<DecisionResponse> outbound(@Body OutboundRequest message, Authentication authentication,
                                                        HttpRequest<?> request) {
        return decideOutbound.decide(message.command(CallerAuthentication.caller(authentication)))
                .thenApplyAsync(DecisionResponse::from, RequestLoop.of(request));
    }

    /** Decided from the block lists in memory, and DNS when the tenant consults third-party lists. */
    @Post("/inbound")
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "Decide one inbound message: ACCEPT, or REJECT when the client IP, the sender or a link "
            + "is on the service list (5.7.606 with the delist portal, or 5.7.511) or on the tenant's list")
    public DecisionResponse inbound(@Body InboundRequest message, Authentication authentication) {
        return DecisionResponse.from(decideInbound.decide(InboundMessageCommand.of(
                CallerAuthentication.caller(authentication).tenantId(), message.messageId(), message.sender(),
                message.clientIp(), message.recipients(), message.urls())));
    }

    /**
     * For MTAs that ask for a decision before the message is scanned (a Postfix policy server at
     * the end of the message): the filter reports its verdict afterwards, from its per-message hook.
     */
    @Post("/verdicts")
    @Operation(summary = "Report a spam filter's verdict on an outbound message named by queueId or messageId: "
            + "a spam verdict counts once against the sender's spamMessageLimitPerHour (the login's, when login "
            + "names the SASL login that sent it), before or after the message's end-of-message decision, and "
            + "routes the sender's next messages of the hour through the high-risk pool")
    public CompletableFuture<VerdictResponse> verdict(@Body VerdictRequest report, Authentication authentication,
                                                      HttpRequest<?> request) {
        return reportVerdict.report(VerdictReport.of(CallerAuthentication.caller(authentication).tenantId(),
                CallerAuthentication.actor(authentication), report.queueId(), report.messageId(), report.sender(),
                report.login(), report.verdict())).thenApplyAsync(VerdictResponse::from, RequestLoop.of(request));
    }
}
