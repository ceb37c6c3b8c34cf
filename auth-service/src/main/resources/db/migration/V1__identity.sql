-- Accounts. An account has an email, a phone (E.164) or both; each is unique across Kirana.
CREATE TABLE app_user (
    id                  UUID        PRIMARY KEY,
    name                TEXT        NOT NULL,
    email               TEXT        UNIQUE,
    phone               TEXT        UNIQUE,
    password_hash       TEXT,
    email_verified      BOOLEAN     NOT NULL DEFAULT false,
    phone_verified      BOOLEAN     NOT NULL DEFAULT false,
    failed_logins       INT         NOT NULL DEFAULT 0,
    locked_until        TIMESTAMPTZ,
    pin_hash            TEXT,
    failed_pins         INT         NOT NULL DEFAULT 0,
    pin_locked_until    TIMESTAMPTZ,
    password_changed_at TIMESTAMPTZ,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT app_user_reachable CHECK (email IS NOT NULL OR phone IS NOT NULL),
    CONSTRAINT app_user_email_lower CHECK (email = lower(email))
);

-- Shops: the unit of isolation of the whole suite.
CREATE TABLE shop (
    id                UUID        PRIMARY KEY,
    name              TEXT        NOT NULL,
    address           TEXT,
    state_code        CHAR(2)     NOT NULL,
    gstin             CHAR(15),
    currency          CHAR(3)     NOT NULL DEFAULT 'INR',
    fy_start_month    SMALLINT    NOT NULL DEFAULT 4 CHECK (fy_start_month BETWEEN 1 AND 12),
    registration_type TEXT        NOT NULL CHECK (registration_type IN ('REGULAR', 'COMPOSITION', 'UNREGISTERED')),
    created_by        UUID        NOT NULL REFERENCES app_user (id),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    version           INT         NOT NULL DEFAULT 0
);

-- One role per user per shop.
CREATE TABLE membership (
    shop_id    UUID        NOT NULL REFERENCES shop (id),
    user_id    UUID        NOT NULL REFERENCES app_user (id),
    role       TEXT        NOT NULL CHECK (role IN ('OWNER', 'MANAGER', 'CASHIER', 'AUDITOR')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (shop_id, user_id)
);
CREATE INDEX membership_by_user ON membership (user_id, created_at);

-- Paired POS devices of a shop; secrets are stored as SHA-256 digests (they are random and long).
CREATE TABLE device (
    id                 UUID        PRIMARY KEY,
    shop_id            UUID        NOT NULL REFERENCES shop (id),
    name               TEXT        NOT NULL,
    pairing_hash       TEXT        UNIQUE,
    pairing_expires_at TIMESTAMPTZ,
    secret_hash        TEXT        UNIQUE,
    created_by         UUID        NOT NULL REFERENCES app_user (id),
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now(),
    paired_at          TIMESTAMPTZ,
    last_used_at       TIMESTAMPTZ,
    revoked_at         TIMESTAMPTZ
);
CREATE INDEX device_by_shop ON device (shop_id, created_at);

-- Refresh tokens rotate: each use marks the row used and issues the next one of the same family.
-- Presenting a used token again revokes the whole family (someone has a copy).
CREATE TABLE refresh_token (
    id            UUID        PRIMARY KEY,
    family_id     UUID        NOT NULL,
    user_id       UUID        NOT NULL REFERENCES app_user (id),
    shop_id       UUID,
    device_id     UUID,
    auth_method   TEXT        NOT NULL,
    token_hash    TEXT        NOT NULL UNIQUE,
    issued_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at    TIMESTAMPTZ NOT NULL,
    used_at       TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ,
    revoke_reason TEXT
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
CREATE INDEX refresh_token_user ON refresh_token (user_id) WHERE revoked_at IS NULL;

-- One-time codes (SMS or email): only an HMAC of the code is stored; bounded attempts.
CREATE TABLE otp_challenge (
    id           UUID        PRIMARY KEY,
    destination  TEXT        NOT NULL,
    channel      TEXT        NOT NULL CHECK (channel IN ('SMS', 'EMAIL')),
    purpose      TEXT        NOT NULL,
    code_hash    TEXT        NOT NULL,
    attempts     INT         NOT NULL DEFAULT 0,
    max_attempts INT         NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    expires_at   TIMESTAMPTZ NOT NULL,
    consumed_at  TIMESTAMPTZ
);
CREATE INDEX otp_challenge_lookup ON otp_challenge (destination, purpose, created_at DESC);

-- Partner API clients of a shop (OAuth2 client credentials).
CREATE TABLE api_client (
    client_id   TEXT        PRIMARY KEY,
    shop_id     UUID        NOT NULL REFERENCES shop (id),
    name        TEXT        NOT NULL,
    secret_hash TEXT        NOT NULL,
    scopes      TEXT        NOT NULL,
    created_by  UUID        NOT NULL REFERENCES app_user (id),
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at TIMESTAMPTZ,
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX api_client_by_shop ON api_client (shop_id, created_at);

-- Token signing keys (RS256). The newest unretired key signs; retired keys stay in the JWKS for a while
-- so that tokens they signed keep validating until they expire.
CREATE TABLE signing_key (
    kid         TEXT        PRIMARY KEY,
    algorithm   TEXT        NOT NULL,
    public_jwk  TEXT        NOT NULL,
    private_jwk TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    retired_at  TIMESTAMPTZ
);

-- Server-side secrets generated on first start (shared by every replica), e.g. the one-time-code pepper.
CREATE TABLE server_secret (
    name       TEXT        PRIMARY KEY,
    value      BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
