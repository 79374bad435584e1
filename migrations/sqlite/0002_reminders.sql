-- One row per user, password cycle and threshold: recorded before a reminder is sent
-- ('pending'), marked 'sent' after. The key makes a second send of the same reminder impossible.
CREATE TABLE reminder_ledger (
    user_id     TEXT    NOT NULL,
    cycle       INTEGER NOT NULL,
    threshold   INTEGER NOT NULL,
    status      TEXT    NOT NULL,
    recorded_at INTEGER NOT NULL,
    sent_at     INTEGER,
    PRIMARY KEY (user_id, cycle, threshold)
);

-- Who may run a singleton job (the reminder pass) until when.
CREATE TABLE leases (
    name    TEXT PRIMARY KEY,
    holder  TEXT    NOT NULL,
    until   INTEGER NOT NULL
);
