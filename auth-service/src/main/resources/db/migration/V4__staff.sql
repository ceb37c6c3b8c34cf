-- The people of a shop, with or without a login (user_id links a member who logs in to the employee they are).
CREATE TABLE employee (
    id               UUID PRIMARY KEY,
    shop_id          UUID           NOT NULL REFERENCES shop (id),
    user_id          UUID REFERENCES app_user (id),
    name             TEXT           NOT NULL,
    phone            TEXT,
    designation      TEXT,
    joined_on        DATE           NOT NULL,
    pay_basis        TEXT           NOT NULL CHECK (pay_basis IN ('MONTHLY', 'DAILY', 'HOURLY')),
    rate             NUMERIC(12, 2) NOT NULL CHECK (rate >= 0),
    overtime_rate    NUMERIC(12, 2) CHECK (overtime_rate >= 0),
    standard_hours   NUMERIC(4, 2)  NOT NULL DEFAULT 9 CHECK (standard_hours > 0 AND standard_hours <= 24),
    status           TEXT           NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'LEFT')),
    pin_hash         TEXT,
    failed_pins      INT            NOT NULL DEFAULT 0,
    pin_locked_until TIMESTAMPTZ,
    created_at       TIMESTAMPTZ    NOT NULL DEFAULT now(),
    UNIQUE (shop_id, user_id)
);
CREATE INDEX employee_shop ON employee (shop_id, name, id);

-- One row an employee and day; every change to it (check-in, check-out, a manager's mark or correction) is kept below.
CREATE TABLE attendance (
    employee_id UUID        NOT NULL REFERENCES employee (id),
    day         DATE        NOT NULL,
    shop_id     UUID        NOT NULL REFERENCES shop (id),
    status      TEXT        NOT NULL CHECK (status IN ('PRESENT', 'HALF_DAY', 'LEAVE', 'HOLIDAY', 'WEEKLY_OFF')),
    check_in    TIMESTAMPTZ,
    check_out   TIMESTAMPTZ,
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (employee_id, day),
    CHECK (check_out IS NULL OR (check_in IS NOT NULL AND check_out > check_in))
);
CREATE INDEX attendance_shop_day ON attendance (shop_id, day);

CREATE TABLE attendance_change (
    id          UUID PRIMARY KEY,
    employee_id UUID        NOT NULL,
    day         DATE        NOT NULL,
    shop_id     UUID        NOT NULL REFERENCES shop (id),
    action      TEXT        NOT NULL,
    changed_by  TEXT        NOT NULL,
    source      TEXT        NOT NULL CHECK (source IN ('DEVICE', 'MANAGER')),
    before      JSONB,
    after       JSONB       NOT NULL,
    reason      TEXT,
    changed_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    FOREIGN KEY (employee_id, day) REFERENCES attendance (employee_id, day)
);
CREATE INDEX attendance_change_day ON attendance_change (employee_id, day, changed_at);

-- A month's salaries, paid once: a second run for a paid month is refused.
CREATE TABLE salary_run (
    id         UUID PRIMARY KEY,
    shop_id    UUID           NOT NULL REFERENCES shop (id),
    month      DATE           NOT NULL CHECK (extract(day FROM month) = 1),
    paid_from  TEXT           NOT NULL CHECK (paid_from IN ('CASH', 'BANK')),
    paid_on    DATE           NOT NULL,
    paid_by    TEXT           NOT NULL,
    gross      NUMERIC(14, 2) NOT NULL,
    advances   NUMERIC(14, 2) NOT NULL,
    net        NUMERIC(14, 2) NOT NULL CHECK (net = gross - advances),
    created_at TIMESTAMPTZ    NOT NULL DEFAULT now(),
    UNIQUE (shop_id, month)
);

CREATE TABLE salary_line (
    run_id         UUID           NOT NULL REFERENCES salary_run (id),
    employee_id    UUID           NOT NULL REFERENCES employee (id),
    employee_name  TEXT           NOT NULL,
    pay_basis      TEXT           NOT NULL,
    rate           NUMERIC(12, 2) NOT NULL,
    payable_days   NUMERIC(5, 1)  NOT NULL,
    days_worked    NUMERIC(5, 1)  NOT NULL,
    hours_worked   NUMERIC(8, 2)  NOT NULL,
    overtime_hours NUMERIC(8, 2)  NOT NULL,
    base           NUMERIC(12, 2) NOT NULL,
    overtime       NUMERIC(12, 2) NOT NULL,
    bonus          NUMERIC(12, 2) NOT NULL,
    deductions     NUMERIC(12, 2) NOT NULL,
    gross          NUMERIC(12, 2) NOT NULL CHECK (gross = base + overtime + bonus - deductions),
    advances       NUMERIC(12, 2) NOT NULL,
    net            NUMERIC(12, 2) NOT NULL CHECK (net = gross - advances AND net >= 0),
    PRIMARY KEY (run_id, employee_id)
);

-- Money paid to an employee ahead of their salary; a salary run recovers at most what is outstanding.
CREATE TABLE salary_advance (
    id          UUID PRIMARY KEY,
    shop_id     UUID           NOT NULL REFERENCES shop (id),
    employee_id UUID           NOT NULL REFERENCES employee (id),
    amount      NUMERIC(12, 2) NOT NULL CHECK (amount > 0),
    paid_on     DATE           NOT NULL,
    paid_from   TEXT           NOT NULL CHECK (paid_from IN ('CASH', 'BANK')),
    paid_by     TEXT           NOT NULL,
    note        TEXT,
    created_at  TIMESTAMPTZ    NOT NULL DEFAULT now()
);
CREATE INDEX salary_advance_employee ON salary_advance (employee_id, paid_on);
