-- Changes of tenants' configuration (settings, accepted domains, policies, API keys), which every
-- server instance caches: each one follows the tenants changed since the last version it saw.

-- The version every such change is made under. A changing transaction locks this row until it
-- commits, so versions become visible in order and an instance can follow them.
CREATE TABLE tenant_change_version (
    id      TINYINT NOT NULL,
    version BIGINT  NOT NULL,
    PRIMARY KEY (id)
);
INSERT INTO tenant_change_version (id, version) VALUES (1, 0);

-- The version of each tenant's last change: one row per tenant, so nothing needs purging.
CREATE TABLE tenant_change (
    tenant_id CHAR(36) NOT NULL,
    version   BIGINT   NOT NULL,
    PRIMARY KEY (tenant_id)
);
CREATE INDEX ix_tenant_change_version ON tenant_change (version);
