-- A policy's lists (up to 1,000 addresses or domains each) and the audit record of such a policy
-- can pass TEXT's 64 KB on MariaDB, which would refuse the row; MEDIUMTEXT holds 16 MB. The embedded
-- database's TEXT has no such limit.
ALTER TABLE outbound_spam_policy
    MODIFY notify_recipients MEDIUMTEXT NOT NULL,
    MODIFY senders           MEDIUMTEXT NOT NULL,
    MODIFY sender_domains    MEDIUMTEXT NOT NULL,
    MODIFY excluded_senders  MEDIUMTEXT NOT NULL;

ALTER TABLE audit_record
    MODIFY before_state MEDIUMTEXT NULL,
    MODIFY after_state  MEDIUMTEXT NULL;
