-- Times are Unix seconds (UTC) in every backend, so queries stay identical.
CREATE TABLE flows (
    id          TEXT PRIMARY KEY,
    data        TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL
);
CREATE INDEX flows_expires ON flows (expires_at);

CREATE TABLE codes (
    flow_id     TEXT    NOT NULL,
    method      TEXT    NOT NULL,
    hash        BLOB    NOT NULL,
    expires_at  INTEGER NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    consumed    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (flow_id, method)
);

CREATE TABLE counters (
    key          TEXT    NOT NULL,
    window_start INTEGER NOT NULL,
    count        INTEGER NOT NULL,
    PRIMARY KEY (key, window_start)
);

CREATE TABLE locks (
    key    TEXT PRIMARY KEY,
    until  INTEGER NOT NULL
);

CREATE TABLE audit (
    id             TEXT PRIMARY KEY,
    at             INTEGER NOT NULL,
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
    seq      INTEGER NOT NULL,
    hash     TEXT    NOT NULL,
    PRIMARY KEY (user_id, seq)
);
