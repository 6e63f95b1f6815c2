package org.senderguard.adapters.metrics;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.senderguard.application.port.out.ChangeFeedMeter;
import org.senderguard.application.port.out.DatabaseMeter;
import org.senderguard.application.port.out.MailFlowMeter;
import org.senderguard.application.port.out.MailMeter;
import org.senderguard.application.port.out.PortalMeter;
import org.senderguard.application.port.out.RestrictionMeter;
import org.senderguard.application.port.out.ThirdPartyMeter;

/**
 * Creates every meter as the server starts, rather than with the first service that needs it, so
 * that the first scrape already shows each series at 0. CLI commands start no server and create
 * only the meters of the services they use.
 */
@Singleton
class MetersAtStart implements ApplicationEventListener<ServerStartupEvent> {

    /** Each meter registers its series as it is created, which injecting it here does. */
    MetersAtStart(MailFlowMeter mailFlow, RestrictionMeter restrictions, ChangeFeedMeter changeFeeds,
                  ThirdPartyMeter thirdParty, PortalMeter portal, MailMeter mail, DatabaseMeter database) {
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        // The meters exist once this listener does.
    }
}
