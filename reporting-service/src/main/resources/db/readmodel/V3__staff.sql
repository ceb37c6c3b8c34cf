-- A shop's people as auth-service publishes them: who each employee is (and the login a sale names as its cashier),
-- and each day's attendance as it now stands, for the performance per employee.
CREATE TABLE employees (
    shop_id     TEXT        NOT NULL,
    employee_id TEXT        NOT NULL,
    user_id     TEXT,
    name        TEXT        NOT NULL,
    designation TEXT,
    status      TEXT        NOT NULL DEFAULT 'ACTIVE',
    changed_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (shop_id, employee_id)
);
CREATE INDEX employees_user ON employees (shop_id, user_id);

CREATE TABLE attendance_days (
    shop_id      TEXT           NOT NULL,
    employee_id  TEXT           NOT NULL,
    day          DATE           NOT NULL,
    status       TEXT           NOT NULL,
    hours_worked NUMERIC(8, 4)  NOT NULL,
    days_worked  NUMERIC(3, 1)  NOT NULL,
    version      BIGINT         NOT NULL,
    PRIMARY KEY (shop_id, employee_id, day)
);
CREATE INDEX attendance_days_day ON attendance_days (shop_id, day);
