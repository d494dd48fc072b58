-- What people did to a lead from the console, for its timeline: takeover and resume of its conversation (with
-- the summary Anna resumed with) and corrections of its details, each with who and when.
CREATE TABLE lead_journal (
    id        BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id VARCHAR(64)  NOT NULL,
    lead_id   BIGINT       NOT NULL,
    kind      VARCHAR(20)  NOT NULL,
    actor     VARCHAR(200) NOT NULL,
    note      TEXT         NOT NULL,
    at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_lead_journal_lead (tenant_id, lead_id),
    CONSTRAINT fk_lead_journal_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_lead_journal_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
