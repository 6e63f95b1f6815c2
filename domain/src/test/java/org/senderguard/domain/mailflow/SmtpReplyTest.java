package org.senderguard.domain.mailflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmtpReplyTest {

    @Test
    void rendersAndParsesTheOneLineForm() {
        SmtpReply reply = SmtpReply.parse("550 5.7.606 Access denied, banned sending IP [192.0.2.1]. Visit x");
        assertThat(reply).isEqualTo(new SmtpReply(550, "5.7.606", "Access denied, banned sending IP [192.0.2.1]. Visit x"));
        assertThat(reply.toString()).isEqualTo("550 5.7.606 Access denied, banned sending IP [192.0.2.1]. Visit x");
    }

    @Test
    void theCodesAgreeAndTheTextIsOneLine() {
        assertThatThrownBy(() -> new SmtpReply(550, "4.3.0", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpReply(550, "5.1", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpReply(550, "5.1.8", "a\r\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpReply.parse("REJECT")).isInstanceOf(IllegalArgumentException.class);
    }
}
