package org.senderguard.domain.mailflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.senderguard.domain.common.EmailAddress;

class RejectionsTest {

    @Test
    void aFewBlockedRecipientsAreAllNamed() {
        Decision decision = Rejections.blockedRecipients(recipients(2, 20));
        assertThat(decision.reply().toString()).isEqualTo("550 5.7.703 Your message can't be delivered because "
                + "messages to " + address(0, 20) + ", " + address(1, 20) + " are blocked by your organization");
        assertThat(decision.ndr().text()).contains("blocks mail to " + address(0, 20) + ", " + address(1, 20) + ".");
    }

    /** Thousands of long addresses: the reply stays within SMTP's 512 octets, the report readable, both counted. */
    @Test
    void manyBlockedRecipientsAreNamedAsFarAsTheyFitAndCounted() {
        Decision decision = Rejections.blockedRecipients(recipients(3000, 250));
        String reply = decision.reply().toString();
        assertThat(reply.getBytes(StandardCharsets.US_ASCII).length + 2).isLessThanOrEqualTo(512);
        assertThat(reply).startsWith("550 5.7.703 Your message can't be delivered because messages to "
                + address(0, 250) + " and 2999 more recipients are blocked by your organization");
        assertThat(decision.ndr().text()).contains(address(38, 250) + " and 2961 more recipients.")
                .hasSizeLessThan(12_000);
        assertThat(Rejections.blockedRecipients(recipients(2, 250)).reply().toString())
                .contains(address(0, 250) + " and 1 more recipient are blocked");
    }

    private static List<EmailAddress> recipients(int count, int length) {
        return IntStream.range(0, count).mapToObj(i -> EmailAddress.parse("to", address(i, length))).toList();
    }

    /** An address of 250 characters (64 before the @, the longest allowed), or a short one. */
    private static String address(int i, int length) {
        return length == 250
                ? "r%05d".formatted(i) + "x".repeat(58) + "@" + "d".repeat(63) + "." + "e".repeat(63) + "."
                        + "f".repeat(49) + ".example"
                : "r%05d@blocked.example".formatted(i);
    }
}
