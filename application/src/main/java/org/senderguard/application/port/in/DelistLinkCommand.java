package org.senderguard.application.port.in;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.common.InvalidValuesException;

/**
 * A sender's request, through the delist portal, for a confirmation link: the email address the
 * link goes to, the IP address (canonical) from their NDR, and the client address it came from.
 */
public record DelistLinkCommand(EmailAddress address, String ip, String clientIp) {

    public DelistLinkCommand {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(clientIp, "clientIp");
    }

    /** From the form's fields {@code email} and {@code ip}; every bad field is reported at once. */
    public static DelistLinkCommand of(String email, String ip, String clientIp) {
        List<InvalidValueException> errors = new ArrayList<>();
        EmailAddress address = parsed(errors, () -> EmailAddress.parse("email", email));
        Probe.Ip parsedIp = parsed(errors, () -> Probe.ip("ip", ip));
        if (!errors.isEmpty()) {
            throw new InvalidValuesException(errors);
        }
        return new DelistLinkCommand(address, parsedIp.value(), clientIp);
    }

    private static <T> T parsed(List<InvalidValueException> errors, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidValueException e) {
            errors.add(e);
            return null;
        }
    }
}
