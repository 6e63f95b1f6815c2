package org.senderguard.adapters.rest.mailflow;

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
import org.senderguard.application.port.in.DecideOutboundUseCase;
import org.senderguard.application.port.in.OutboundMessageCommand;

@Controller("/api/v1/mail-flow")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.MAIL_FLOW)
public class MailFlowController {

    private final DecideOutboundUseCase decideOutbound;

    public MailFlowController(DecideOutboundUseCase decideOutbound) {
        this.decideOutbound = decideOutbound;
    }

    @Post("/outbound")
    @Operation(summary = "Decide one outbound message: DELIVER, DELIVER_HIGH_RISK_POOL or REJECT with the SMTP "
            + "reply and an NDR; counts the message against the sender's limits")
    public DecisionResponse outbound(@Body OutboundRequest message, Authentication authentication) {
        return DecisionResponse.from(decideOutbound.decide(OutboundMessageCommand.of(
                CallerAuthentication.caller(authentication).tenantId(), CallerAuthentication.actor(authentication),
                message.messageId(), message.sender(), message.recipients(), message.verdict())));
    }
}
