-- Outbound spam: policies, per-sender state, sending counters, decisions given, unblocks, alerts, audit.
-- Lists of addresses or domains are stored one per line; they are normalised and never contain one.

CREATE TABLE outbound_spam_policy (
    id                      CHAR(36)     NOT NULL,
    tenant_id               CHAR(36)     NOT NULL,
    name                    VARCHAR(128) NOT NULL,
    priority                INT          NOT NULL,
    enabled                 BOOLEAN      NOT NULL,
    -- 1 for the default policy, NULL for the others: the unique key allows one default per tenant.
    default_marker          TINYINT      NULL,
    limit_external_per_hour INT          NOT NULL,
    limit_internal_per_hour INT          NOT NULL,
    limit_per_day           INT          NOT NULL,
    limit_spam_per_hour     INT          NOT NULL,
    threshold_action        VARCHAR(32)  NOT NULL,
    notify_recipients       TEXT         NOT NULL,
    senders                 TEXT         NOT NULL,
    sender_domains          TEXT         NOT NULL,
    excluded_senders        TEXT         NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_outbound_spam_policy_default UNIQUE (tenant_id, default_marker),
    CONSTRAINT fk_outbound_spam_policy_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);

-- One row per sender that has sent: the row is locked for each decision about that sender.
CREATE TABLE sender_status (
    tenant_id       CHAR(36)     NOT NULL,
    address         VARCHAR(254) NOT NULL,
    grace_until     DATETIME(6)  NULL,
    limit_alert_day DATE         NULL,
    PRIMARY KEY (tenant_id, address)
);

-- The current or last restriction of a sender; unblocking deletes it.
CREATE TABLE restriction (
    tenant_id        CHAR(36)      NOT NULL,
    address          VARCHAR(254)  NOT NULL,
    reached_limit    VARCHAR(40)   NOT NULL,
    reason           VARCHAR(1000) NOT NULL,
    threshold_action VARCHAR(32)   NOT NULL,
    restricted_since DATETIME(6)   NOT NULL,
    restricted_until DATETIME(6)   NULL,
    PRIMARY KEY (tenant_id, address)
);

-- Recipients and spam messages per sender and minute since the epoch: the rolling hour is the last 60.
CREATE TABLE sending_minute (
    tenant_id CHAR(36)     NOT NULL,
    address   VARCHAR(254) NOT NULL,
    epoch_minute        BIGINT       NOT NULL,
    external_recipients INT          NOT NULL,
    internal_recipients INT          NOT NULL,
    spam_messages       INT          NOT NULL,
    PRIMARY KEY (tenant_id, address, epoch_minute)
);
CREATE INDEX ix_sending_minute_minute ON sending_minute (epoch_minute);

-- Recipients per sender and UTC day.
CREATE TABLE sending_day (
    tenant_id  CHAR(36)     NOT NULL,
    address    VARCHAR(254) NOT NULL,
    utc_day    DATE         NOT NULL,
    recipients INT          NOT NULL,
    PRIMARY KEY (tenant_id, address, utc_day)
);
CREATE INDEX ix_sending_day_day ON sending_day (utc_day);

-- Decisions given, by SHA-256 of the message id, so that a repeated report gets the same answer.
CREATE TABLE processed_message (
    tenant_id       CHAR(36)    NOT NULL,
    message_id_hash CHAR(64)    NOT NULL,
    action          VARCHAR(32) NOT NULL,
    smtp_reply      TEXT        NULL,
    ndr_text        TEXT        NULL,
    decided_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant_id, message_id_hash)
);
CREATE INDEX ix_processed_message_decided_at ON processed_message (decided_at);

CREATE TABLE unblock (
    id           CHAR(36)     NOT NULL,
    tenant_id    CHAR(36)     NOT NULL,
    address      VARCHAR(254) NOT NULL,
    actor        VARCHAR(128) NOT NULL,
    limit_override BOOLEAN    NOT NULL,
    unblocked_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_unblock_user ON unblock (tenant_id, address, unblocked_at);

-- seq orders the logs newest first, also within one instant; id is the public identity.
CREATE TABLE alert (
    seq        BIGINT       NOT NULL AUTO_INCREMENT,
    id         CHAR(36)     NOT NULL,
    tenant_id  CHAR(36)     NOT NULL,
    kind       VARCHAR(40)  NOT NULL,
    address    VARCHAR(254) NOT NULL,
    detail     TEXT         NOT NULL,
    recipients TEXT         NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (seq),
    CONSTRAINT uq_alert_id UNIQUE (id)
);
CREATE INDEX ix_alert_tenant_seq ON alert (tenant_id, seq);

CREATE TABLE audit_record (
    seq          BIGINT       NOT NULL AUTO_INCREMENT,
    id           CHAR(36)     NOT NULL,
    tenant_id    CHAR(36)     NULL,
    actor        VARCHAR(128) NOT NULL,
    action       VARCHAR(64)  NOT NULL,
    target       VARCHAR(300) NOT NULL,
    before_state TEXT         NULL,
    after_state  TEXT         NULL,
    recorded_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (seq),
    CONSTRAINT uq_audit_record_id UNIQUE (id)
);
CREATE INDEX ix_audit_record_tenant_seq ON audit_record (tenant_id, seq);
