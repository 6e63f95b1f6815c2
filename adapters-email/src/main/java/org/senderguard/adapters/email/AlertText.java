package org.senderguard.adapters.email;

import org.senderguard.domain.alert.Alert;
import org.senderguard.domain.alert.AlertKind;

/** The words of an alert email. */
final class AlertText {

    private AlertText() {
    }

    static String subject(Alert alert) {
        return alert.kind().title() + ": " + alert.user();
    }

    static String body(Alert alert) {
        String advice = alert.kind() == AlertKind.USER_RESTRICTED
                ? """
                  The user can't send email until the restriction ends. An account that suddenly sends this much \
                  usually has been taken over. Before you unblock it:
                  1. Reset the user's password and sign out their sessions; turn on multi-factor sign-in.
                  2. Remove forwarding and inbox rules the user did not create.
                  3. Have the user's devices scanned for malware.
                  Then unblock the user from the restricted users list (POST /api/v1/restricted-users/{address}/unblock \
                  with "confirm": true). Admins may unblock a user only a limited number of times; after that, \
                  contact Support."""
                : """
                  The user is still allowed to send, because the policy's action is to alert only. Check whether the \
                  account has been compromised (unusual sent mail, forwarding or inbox rules you don't recognise).""";
        return """
                %s (severity %s)

                User: %s
                What happened: %s
                When: %s

                %s
                """.formatted(alert.kind().title(), alert.kind().severity(), alert.user(), alert.detail(),
                alert.createdAt(), advice);
    }
}
