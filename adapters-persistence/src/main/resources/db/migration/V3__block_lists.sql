-- Block lists: the service list (tenant_id NULL, list_key 'service') and the tenants' lists.

-- The version every change of any block list is made under. A changing transaction locks this row
-- until it commits, so versions become visible in order and an instance can follow them.
CREATE TABLE block_list_version (
    id      TINYINT NOT NULL,
    version BIGINT  NOT NULL,
    PRIMARY KEY (id)
);
INSERT INTO block_list_version (id, version) VALUES (1, 0);

CREATE TABLE block_list_entry (
    seq          BIGINT        NOT NULL AUTO_INCREMENT,
    id           CHAR(36)      NOT NULL,
    tenant_id    CHAR(36)      NULL,
    -- tenant_id, or 'service': unlike NULL it takes part in the unique key.
    list_key     VARCHAR(36)   NOT NULL,
    entry_type   VARCHAR(8)    NOT NULL,
    entry_value  VARCHAR(2048) NOT NULL,
    -- SHA-256 of type and value: values are too long for a unique key of their own.
    value_hash   CHAR(64)      NOT NULL,
    -- The start of the value, for prefix filters.
    value_prefix VARCHAR(190)  NOT NULL,
    reason       VARCHAR(1000) NOT NULL,
    source       VARCHAR(16)   NOT NULL,
    created_by   VARCHAR(128)  NOT NULL,
    created_at   DATETIME(6)   NOT NULL,
    expires_at   DATETIME(6)   NULL,
    notes        TEXT          NULL,
    delistable   BOOLEAN       NOT NULL,
    version      BIGINT        NOT NULL,
    PRIMARY KEY (seq),
    CONSTRAINT uq_block_list_entry_id UNIQUE (id),
    CONSTRAINT uq_block_list_entry_value UNIQUE (list_key, value_hash)
);
CREATE INDEX ix_block_list_entry_version ON block_list_entry (version);
CREATE INDEX ix_block_list_entry_list ON block_list_entry (list_key, entry_type, seq);
CREATE INDEX ix_block_list_entry_prefix ON block_list_entry (list_key, value_prefix);
CREATE INDEX ix_block_list_entry_expiry ON block_list_entry (expires_at);

-- Entries removed, by version, so that other instances drop them too; purged after a day.
CREATE TABLE block_list_removal (
    version    BIGINT      NOT NULL,
    entry_id   CHAR(36)    NOT NULL,
    removed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (version, entry_id)
);
CREATE INDEX ix_block_list_removal_removed_at ON block_list_removal (removed_at);

-- Registered domains that links in spam pointed at, by sender; the last sighting per pair.
CREATE TABLE spam_url_sighting (
    registered_domain VARCHAR(253) NOT NULL,
    tenant_id         CHAR(36)     NOT NULL,
    address           VARCHAR(254) NOT NULL,
    seen_at           DATETIME(6)  NOT NULL,
    PRIMARY KEY (registered_domain, tenant_id, address)
);
CREATE INDEX ix_spam_url_sighting_seen_at ON spam_url_sighting (seen_at);

-- Admins' delisting requests; seq orders them newest first.
CREATE TABLE delisting_request (
    seq          BIGINT        NOT NULL AUTO_INCREMENT,
    id           CHAR(36)      NOT NULL,
    tenant_id    CHAR(36)      NOT NULL,
    list_name    VARCHAR(64)   NOT NULL,
    listed_value VARCHAR(2048) NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    reason       VARCHAR(1000) NULL,
    requested_by VARCHAR(128)  NOT NULL,
    requested_at DATETIME(6)   NOT NULL,
    resolved_at  DATETIME(6)   NULL,
    outcome      TEXT          NULL,
    PRIMARY KEY (seq),
    CONSTRAINT uq_delisting_request_id UNIQUE (id)
);
CREATE INDEX ix_delisting_request_tenant ON delisting_request (tenant_id, list_name, requested_at);
