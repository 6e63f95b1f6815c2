package org.senderguard.bootstrap;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A real SMTP server (GreenMail) for the shared test application, on a free loopback port. */
final class TestMail {

    private static final Pattern LINK = Pattern.compile("https?://\\S+/delist/confirm\\?token=[A-Za-z0-9_-]+");
    private static GreenMail server;

    private TestMail() {
    }

    static synchronized Map<String, Object> settings() {
        if (server == null) {
            server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return Map.of("senderguard.smtp.host", "127.0.0.1",
                "senderguard.smtp.port", server.getSmtp().getPort(),
                "senderguard.smtp.from", "delist@senderguard.test");
    }

    /** Every message received so far for {@code address}, oldest first. */
    static List<MimeMessage> to(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> isTo(message, address)).toList();
    }

    /** The confirmation link of the newest delist mail to {@code address}, waiting up to 10 s for it to arrive. */
    static String confirmationLink(String address, int mailsBefore) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (to(address).size() <= mailsBefore) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no delist mail to " + address);
            }
            sleep();
        }
        List<MimeMessage> messages = to(address);
        Matcher link = LINK.matcher(text(messages.get(messages.size() - 1)));
        if (!link.find()) {
            throw new AssertionError("no link in the delist mail to " + address);
        }
        return link.group();
    }

    /** The decoded text of a plain-text message. */
    /** The message's text, decoded (a body beyond ASCII is quoted-printable), from its first part if it has parts. */
    static String text(MimeMessage message) {
        try {
            Object content = message.getContent();
            return content instanceof Multipart parts ? (String) parts.getBodyPart(0).getContent() : (String) content;
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> to.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
