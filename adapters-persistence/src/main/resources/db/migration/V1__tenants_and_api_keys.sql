-- Tenants, their accepted domains and their API keys.
-- Instants are stored as DATETIME(6) holding UTC wall-clock time (see UtcTime); names and domains
-- are stored normalised (lower case).

CREATE TABLE tenant (
    id                  CHAR(36)    NOT NULL,
    name                VARCHAR(63) NOT NULL,
    unblock_limit       INT         NOT NULL,
    unblock_window_days INT         NOT NULL,
    block_list_limit    INT         NOT NULL,
    created_at          DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_tenant_name UNIQUE (name)
);

-- An accepted domain belongs to exactly one tenant, hence the primary key on the domain alone.
CREATE TABLE tenant_domain (
    domain    VARCHAR(253) NOT NULL,
    tenant_id CHAR(36)     NOT NULL,
    PRIMARY KEY (domain),
    CONSTRAINT fk_tenant_domain_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_tenant_domain_tenant ON tenant_domain (tenant_id);

CREATE TABLE api_key (
    id          CHAR(16)    NOT NULL,
    tenant_id   CHAR(36)    NOT NULL,
    role        VARCHAR(32) NOT NULL,
    secret_hash CHAR(64)    NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    revoked_at  DATETIME(6) NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_api_key_tenant FOREIGN KEY (tenant_id) REFERENCES tenant (id)
);
CREATE INDEX ix_api_key_tenant ON api_key (tenant_id);
