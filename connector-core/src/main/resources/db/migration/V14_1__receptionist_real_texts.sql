-- Issue #23, Anna reads texts as people write them: the tenant's arrival-window length and the temperature
-- limits of the life-safety rules (°F), the caller's time preference kept between turns, and the tenant's own
-- triage examples for the semantic matcher.
ALTER TABLE receptionist_settings
    ADD COLUMN arrival_window_hours INT NOT NULL DEFAULT 3,
    ADD COLUMN vulnerable_heat_below INT NOT NULL DEFAULT 62,
    ADD COLUMN vulnerable_cool_above INT NOT NULL DEFAULT 85,
    ADD COLUMN outdoor_cold_below INT NOT NULL DEFAULT 35,
    ADD COLUMN outdoor_hot_above INT NOT NULL DEFAULT 100,
    ADD COLUMN anyone_heat_below INT NOT NULL DEFAULT 45,
    ADD COLUMN anyone_cool_above INT NOT NULL DEFAULT 95;

ALTER TABLE receptionist_state ADD COLUMN time_preference VARCHAR(200) NULL;

CREATE TABLE triage_examples (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id  VARCHAR(64)  NOT NULL,
    trade      VARCHAR(30)  NOT NULL,
    rule_code  VARCHAR(60)  NULL,
    emergency  BOOLEAN      NOT NULL,
    text       VARCHAR(500) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_triage_examples_tenant (tenant_id),
    CONSTRAINT fk_triage_examples_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
