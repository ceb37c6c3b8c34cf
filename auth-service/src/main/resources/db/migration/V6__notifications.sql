-- Notifications: an in-app inbox per user and shop, per-shop rules, per-user preferences and a delivery log.

-- One item in one member's inbox.
CREATE TABLE notification (
    id          UUID        PRIMARY KEY,
    shop_id     UUID        NOT NULL REFERENCES shop (id),
    user_id     UUID        NOT NULL REFERENCES app_user (id),
    kind        TEXT        NOT NULL,
    title       TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    urgent      BOOLEAN     NOT NULL DEFAULT false,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    read_at     TIMESTAMPTZ
);
-- unread first, then newest: the inbox's order
CREATE INDEX notification_inbox ON notification (shop_id, user_id, (read_at IS NOT NULL), created_at DESC, id DESC);

-- What has been notified once and must not be again (a product's low stock on one local day, one event):
-- the insert that wins this key is the one that notifies.
CREATE TABLE notification_once (
    shop_id    UUID        NOT NULL,
    once_key   TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, once_key)
);

-- A shop's rule for one kind of event; a kind without a row uses the built-in default.
CREATE TABLE notification_rule (
    shop_id    UUID        NOT NULL REFERENCES shop (id),
    kind       TEXT        NOT NULL,
    enabled    BOOLEAN     NOT NULL,
    roles      TEXT        NOT NULL,   -- comma-separated roles, e.g. OWNER,MANAGER
    channels   TEXT        NOT NULL,   -- comma-separated channels, e.g. IN_APP,EMAIL
    params     TEXT        NOT NULL,   -- JSON object of the kind's parameters
    updated_by UUID,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (shop_id, kind)
);

-- A user's own choices: channels switched off, quiet hours (the shop's local time) and language.
CREATE TABLE notification_preference (
    user_id       UUID PRIMARY KEY REFERENCES app_user (id),
    email         BOOLEAN NOT NULL DEFAULT true,
    sms           BOOLEAN NOT NULL DEFAULT true,
    whatsapp      BOOLEAN NOT NULL DEFAULT true,
    quiet_from    TIME,
    quiet_until   TIME,
    language      TEXT    NOT NULL DEFAULT 'en',
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per notification and outside channel (email, SMS, WhatsApp): written with the notification, sent later.
CREATE TABLE notification_delivery (
    id              UUID        PRIMARY KEY,
    notification_id UUID        REFERENCES notification (id) ON DELETE SET NULL,   -- the log outlives a deleted inbox item
    shop_id         UUID        NOT NULL,
    channel         TEXT        NOT NULL,
    recipient       TEXT        NOT NULL,
    subject         TEXT        NOT NULL,
    body            TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'DEAD')),
    attempts        INT         NOT NULL DEFAULT 0,
    last_error      TEXT,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (notification_id, channel)
);
CREATE INDEX notification_delivery_due ON notification_delivery (next_attempt_at) WHERE status IN ('PENDING', 'FAILED');
CREATE INDEX notification_delivery_shop ON notification_delivery (shop_id, status, created_at DESC);

-- Failed logins of a user, for the "burst of failed logins" rule (kept a day).
CREATE TABLE notification_login_failure (
    user_id UUID        NOT NULL,
    at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX notification_login_failure_user ON notification_login_failure (user_id, at);
