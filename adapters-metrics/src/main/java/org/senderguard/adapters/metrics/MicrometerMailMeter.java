package org.senderguard.adapters.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.senderguard.application.port.out.MailMeter;

/** {@code senderguard_mail_sent_total} and {@code senderguard_mail_failed_total}, by kind of mail. */
@Singleton
class MicrometerMailMeter implements MailMeter {

    private final EnumCounters<Kind> sent;
    private final EnumCounters<Kind> failed;

    MicrometerMailMeter(MeterRegistry registry) {
        sent = new EnumCounters<>(registry, "senderguard.mail.sent", "Mail the SMTP relay took, by kind", "kind",
                Kind.class);
        failed = new EnumCounters<>(registry, "senderguard.mail.failed",
                "Mail the SMTP relay could not be reached for or refused, by kind", "kind", Kind.class);
    }

    @Override
    public void sent(Kind kind) {
        sent.increment(kind);
    }

    @Override
    public void failed(Kind kind) {
        failed.increment(kind);
    }
}
