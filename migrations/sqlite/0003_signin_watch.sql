-- Users whose sign-ins are watched after a reset, and the sources they were told about.
CREATE TABLE signin_watch (
    user_id     TEXT PRIMARY KEY,
    upn         TEXT    NOT NULL,
    mail_to     TEXT    NOT NULL,
    changed_at  INTEGER NOT NULL,
    until       INTEGER NOT NULL
);

CREATE TABLE signin_notified (
    user_id     TEXT NOT NULL,
    source      TEXT NOT NULL,
    notified_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, source)
);

-- Small named values, e.g. how far the sign-in poller has read.
CREATE TABLE kv (
    name   TEXT PRIMARY KEY,
    value  TEXT NOT NULL
);
