package org.senderguard.bootstrap;

import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.senderguard.application.port.out.AlertRepository;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.application.service.AlertDispatcher;
import org.senderguard.domain.alert.Alert;
import org.senderguard.domain.alert.AlertKind;
import org.senderguard.domain.alert.AlertMail;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.tenant.TenantId;

/** Alerts raised in a test application as a decision raises them: stored, then dispatched. */
final class AlertOutbox {

    private AlertOutbox() {
    }

    /** An alert to {@code recipients}, raised at the application's time, committed and handed to the dispatcher. */
    static Alert raise(ApplicationContext app, String... recipients) {
        Alert alert = Alert.raise(TenantId.newId(), AlertKind.USER_RESTRICTED,
                EmailAddress.parse("user", "ann@tenant.test"), "ann@tenant.test was restricted",
                Arrays.stream(recipients).map(to -> EmailAddress.parse("to", to)).toList(),
                app.getBean(Clock.class).instant());
        app.getBean(UnitOfWork.class).inTransaction(() -> {
            app.getBean(AlertRepository.class).insert(alert);
            return null;
        });
        app.getBean(AlertDispatcher.class).dispatch(alert);
        return alert;
    }

    /** The alert's mail as stored, once it is no longer {@code state} (within 15 s). */
    static AlertMail awaitMail(ApplicationContext app, Alert alert, AlertMail.State state) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (true) {
            AlertMail mail = mail(app, alert);
            if (mail.state() != state || Instant.now().isAfter(deadline)) {
                return mail;
            }
            Thread.sleep(50);
        }
    }

    /** The alert's mail as stored now. */
    static AlertMail mail(ApplicationContext app, Alert alert) {
        return app.getBean(AlertRepository.class).findByTenant(alert.tenantId(), null, 1).get(0).mail();
    }
}
