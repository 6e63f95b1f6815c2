-- The self-service delist portal: senders' requests, confirmed through a mailed single-use link.
CREATE TABLE portal_request (
    seq          BIGINT       NOT NULL AUTO_INCREMENT,
    id           CHAR(36)     NOT NULL,
    address      VARCHAR(254) NOT NULL,
    ip           VARCHAR(64)  NOT NULL,
    -- SHA-256 of the link's token: the token itself is never stored.
    token_hash   CHAR(64)     NOT NULL,
    client_ip    VARCHAR(64)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    requested_at DATETIME(6)  NOT NULL,
    expires_at   DATETIME(6)  NOT NULL,
    completed_at DATETIME(6)  NULL,
    outcome      TEXT         NULL,
    PRIMARY KEY (seq),
    CONSTRAINT uq_portal_request_id UNIQUE (id),
    CONSTRAINT uq_portal_request_token UNIQUE (token_hash)
);
CREATE INDEX ix_portal_request_status ON portal_request (status, seq);
CREATE INDEX ix_portal_request_requested_at ON portal_request (requested_at);

-- Requests per key (client address, email address) and fixed window, for the portal's rate limits.
CREATE TABLE rate_counter (
    rate_key     VARCHAR(300) NOT NULL,
    window_start DATETIME(6)  NOT NULL,
    hits         INT          NOT NULL,
    PRIMARY KEY (rate_key, window_start)
);
CREATE INDEX ix_rate_counter_window ON rate_counter (window_start);
