-- An alert's mail is an outbox entry: pending until the relay takes it, tried again when due,
-- claimed by one instance at a time (mail_due_at moves to the end of the claim while it sends).
-- Alerts raised before this are NONE: whether their mail went out was not recorded.
ALTER TABLE alert ADD COLUMN mail_state VARCHAR(8) NOT NULL DEFAULT 'NONE';
ALTER TABLE alert ADD COLUMN mail_attempts INT NOT NULL DEFAULT 0;
ALTER TABLE alert ADD COLUMN mail_due_at DATETIME(6) NULL;
CREATE INDEX ix_alert_mail_due ON alert (mail_due_at);
