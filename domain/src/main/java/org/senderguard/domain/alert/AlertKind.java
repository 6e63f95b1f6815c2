package org.senderguard.domain.alert;

/** What an alert is about, with the title admins see and how urgent it is. */
public enum AlertKind {
    USER_RESTRICTED("User restricted from sending email", Severity.HIGH),
    SENDING_LIMIT_EXCEEDED("Email sending limit exceeded", Severity.MEDIUM);

    public enum Severity { LOW, MEDIUM, HIGH }

    private final String title;
    private final Severity severity;

    AlertKind(String title, Severity severity) {
        this.title = title;
        this.severity = severity;
    }

    public String title() {
        return title;
    }

    public Severity severity() {
        return severity;
    }
}
