-- On MariaDB, remembered decisions live in time partitions by decided_at, which the server drops
-- whole once they are older than SENDERGUARD_DECISION_RETENTION (DecisionPartitions): dropping a
-- partition costs the same however many decisions it holds, and the table never holds more than the
-- retention's decisions, so inserting and looking up stays as cheap as the retention allows instead
-- of slowing down as a week of 32-byte random keys outgrows the buffer pool. Partitioning needs the
-- partition column in the primary key, so a message key is unique per instant rather than alone:
-- a message's decisions are serialised by its sender's row lock, under which the lookup that comes
-- before each insert sees every committed decision, so the key alone is never stored twice. With
-- the partitions dropped whole, the index on decided_at is no longer needed.
-- p_future takes what no partition of its own period holds yet; the server splits its periods off
-- ahead of the clock. The decisions remembered so far are dropped with the old table: a message
-- reported again across the upgrade is decided and counted again.
DROP TABLE processed_message;
CREATE TABLE processed_message (
    message_key   BINARY(32)   NOT NULL,
    action        VARCHAR(32)  NOT NULL,
    smtp_reply    TEXT         NULL,
    ndr_text      TEXT         NULL,
    ndr_next_step VARCHAR(255) NULL,
    decided_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (message_key, decided_at)
)
PARTITION BY RANGE COLUMNS (decided_at) (
    PARTITION p_future VALUES LESS THAN (MAXVALUE)
);
