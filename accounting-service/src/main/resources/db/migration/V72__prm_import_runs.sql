-- The log of PRM workbook imports: one row per file sent, with what it did. A file identical (SHA-256) to one imported
-- before is logged as UNCHANGED and changes nothing.
CREATE TABLE prm_import_runs (
    id                 UUID PRIMARY KEY,
    shop_id            TEXT        NOT NULL,
    file_name          TEXT,
    sha256             TEXT        NOT NULL,
    outcome            TEXT        NOT NULL CHECK (outcome IN ('IMPORTED', 'UNCHANGED')),
    same_as_run_id     UUID REFERENCES prm_import_runs (id),
    rows_read          INT         NOT NULL,
    rows_created       INT         NOT NULL,
    rows_updated       INT         NOT NULL,
    rows_unchanged     INT         NOT NULL,
    rows_rejected      INT         NOT NULL,
    retailers_created  INT         NOT NULL,
    products_created   INT         NOT NULL,
    products_updated   INT         NOT NULL,
    duration_ms        BIGINT      NOT NULL,
    imported_by        TEXT        NOT NULL,
    started_at         TIMESTAMPTZ NOT NULL,
    finished_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX prm_import_runs_shop ON prm_import_runs (shop_id, started_at DESC, id);
CREATE INDEX prm_import_runs_sha ON prm_import_runs (shop_id, sha256) WHERE outcome = 'IMPORTED';

-- The rows a run rejected, with the cells as the file had them and the reasons: the downloadable rejections file.
CREATE TABLE prm_import_rejections (
    run_id          UUID NOT NULL REFERENCES prm_import_runs (id),
    shop_id         TEXT NOT NULL,
    row_number      INT  NOT NULL,
    imei            TEXT NOT NULL,
    retailer_code   TEXT NOT NULL,
    retailer_name   TEXT NOT NULL,
    model           TEXT NOT NULL,
    product_name    TEXT NOT NULL,
    status          TEXT NOT NULL,
    activation_date TEXT NOT NULL,
    price           TEXT NOT NULL,
    reason          TEXT NOT NULL,
    PRIMARY KEY (run_id, row_number)
);
