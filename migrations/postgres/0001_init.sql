-- Times are Unix seconds (UTC) in every backend, so queries stay identical.
CREATE TABLE flows (
    id          TEXT PRIMARY KEY,
    data        TEXT    NOT NULL,
    version     BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);
CREATE INDEX flows_expires ON flows (expires_at);

CREATE TABLE codes (
    flow_id     TEXT    NOT NULL,
    method      TEXT    NOT NULL,
    hash        BYTEA    NOT NULL,
    expires_at  BIGINT NOT NULL,
    attempts    BIGINT NOT NULL DEFAULT 0,
    consumed    BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (flow_id, method)
);

CREATE TABLE counters (
    key          TEXT    NOT NULL,
    window_start BIGINT NOT NULL,
    count        BIGINT NOT NULL,
    PRIMARY KEY (key, window_start)
);

CREATE TABLE locks (
    key    TEXT PRIMARY KEY,
    until  BIGINT NOT NULL
);

CREATE TABLE audit (
    id             TEXT PRIMARY KEY,
    at             BIGINT NOT NULL,
    correlation_id TEXT    NOT NULL,
    account        TEXT,
    action         TEXT    NOT NULL,
    outcome        TEXT    NOT NULL,
    client_addr    TEXT,
    user_agent     TEXT,
    detail         TEXT
);
CREATE INDEX audit_at ON audit (at);

CREATE TABLE password_history (
    user_id  TEXT    NOT NULL,
    seq      BIGINT NOT NULL,
    hash     TEXT    NOT NULL,
    PRIMARY KEY (user_id, seq)
);
