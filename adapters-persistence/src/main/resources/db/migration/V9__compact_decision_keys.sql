-- Remembered decisions are keyed by one 32-byte SHA-256 of tenant id and message id instead of the
-- tenant id and a hex hash of the message id (100 characters): the table and its index take less
-- than half the space, so more of a week's decisions stay in the database's memory and deciding
-- stays fast as the table grows. The decisions remembered so far cannot be re-keyed (only a hash of
-- each message id was kept) and are dropped: a message reported again across the upgrade is decided
-- and counted again.
DROP TABLE processed_message;
CREATE TABLE processed_message (
    message_key BINARY(32)  NOT NULL,
    action      VARCHAR(32) NOT NULL,
    smtp_reply  TEXT        NULL,
    ndr_text    TEXT        NULL,
    decided_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (message_key)
);
CREATE INDEX ix_processed_message_decided_at ON processed_message (decided_at);
