-- CRM sync (issue 5). Same portability rules as V1: InnoDB, utf8mb4, DATETIME(6) in UTC, no JSON type.

-- What a connection needs beyond V1: when its token expires (refresh before), the tenant's settings
-- for this CRM (key=value lines, e.g. job_target=deal) and when it broke.
ALTER TABLE crm_connections
    ADD COLUMN token_expires_at DATETIME(6) NULL,
    ADD COLUMN settings         TEXT        NULL,
    ADD COLUMN broken_at        DATETIME(6) NULL;

-- Which of our things already exist on the CRM's side: the idempotency of every write.
-- item_key names the thing: contact:<E.164>, call:<call id>, transcript:<conversation id>,
-- job:<lead id>:<slot start>, emergency:<lead id>.
CREATE TABLE crm_links (
    tenant_id     VARCHAR(64)  NOT NULL,
    crm_id        VARCHAR(40)  NOT NULL,
    item_key      VARCHAR(160) NOT NULL,
    lead_id       BIGINT       NULL,
    external_type VARCHAR(40)  NOT NULL,
    external_id   VARCHAR(100) NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (tenant_id, crm_id, item_key),
    KEY ix_crm_links_lead (tenant_id, lead_id),
    CONSTRAINT fk_crm_links_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One unit of sync work per event and connection. state: PENDING, DONE, REJECTED (kept, retryable from
-- the console), FAILED (gave up after many retries, retryable too), BLOCKED (connection broken; resumes
-- on reconnect).
CREATE TABLE crm_sync_work (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id       VARCHAR(64)  NOT NULL,
    connection_id   BIGINT       NOT NULL,
    lead_id         BIGINT       NOT NULL,
    kind            VARCHAR(20)  NOT NULL,
    conversation_id BIGINT       NULL,
    slot_start      DATETIME(6)  NULL,
    slot_end        DATETIME(6)  NULL,
    summary         TEXT         NULL,
    state           VARCHAR(20)  NOT NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    last_error      TEXT         NULL,
    next_attempt_at DATETIME(6)  NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_crm_sync_work_tenant_state (tenant_id, state),
    KEY ix_crm_sync_work_connection_state (connection_id, state),
    KEY ix_crm_sync_work_lead (tenant_id, lead_id, kind, state),
    CONSTRAINT fk_crm_sync_work_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_crm_sync_work_connection FOREIGN KEY (connection_id) REFERENCES crm_connections (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
