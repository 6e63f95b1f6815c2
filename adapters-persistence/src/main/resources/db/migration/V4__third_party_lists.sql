-- The catalog of third-party block lists; seeded by the application on first use.
CREATE TABLE third_party_list (
    name        VARCHAR(64)   NOT NULL,
    description VARCHAR(1000) NOT NULL,
    listed_kinds VARCHAR(32)  NOT NULL,
    zone        VARCHAR(253)  NULL,
    scheme      VARCHAR(32)   NOT NULL,
    delist_url  VARCHAR(2048) NULL,
    info_url    VARCHAR(2048) NULL,
    enabled     BOOLEAN       NOT NULL,
    PRIMARY KEY (name)
);

-- Whether inbound decisions consult the third-party lists, per tenant.
ALTER TABLE tenant ADD COLUMN check_third_party_lists BOOLEAN NOT NULL DEFAULT FALSE;

-- Pending third-party delisting requests are looked up by each check; there are few of them.
CREATE INDEX ix_delisting_request_status ON delisting_request (status);
