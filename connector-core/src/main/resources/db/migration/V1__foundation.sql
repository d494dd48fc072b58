-- The first schema. Portable across MySQL 8.0+ and MariaDB 10.11+:
-- InnoDB, utf8mb4, DATETIME(6) in UTC (never TIMESTAMP, whose implicit defaults differ between the two),
-- no JSON type (MariaDB aliases it to LONGTEXT), no CHECK constraints relied upon.
-- Every business row carries tenant_id; every query filters on it.

CREATE TABLE tenants (
    id                  VARCHAR(64)  NOT NULL,
    name                VARCHAR(200) NOT NULL,
    timezone            VARCHAR(64)  NOT NULL,
    trades              VARCHAR(200) NOT NULL DEFAULT '',
    service_area_zips   TEXT         NULL,
    prices              TEXT         NULL,
    on_call             TEXT         NULL,
    on_call_ack_minutes INT          NOT NULL DEFAULT 5,
    staff               TEXT         NULL,
    created_at          DATETIME(6)  NOT NULL,
    updated_at          DATETIME(6)  NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE phone_lines (
    id                   BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id            VARCHAR(64)  NOT NULL,
    number               VARCHAR(20)  NOT NULL,
    pattern              VARCHAR(20)  NOT NULL,
    forwarded_from       VARCHAR(20)  NULL,
    ring_list            TEXT         NULL,
    ring_timeout_seconds INT          NOT NULL DEFAULT 18,
    screening            BOOLEAN      NOT NULL DEFAULT TRUE,
    created_at           DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_phone_lines_number (number),
    KEY ix_phone_lines_tenant (tenant_id),
    CONSTRAINT fk_phone_lines_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Weekly opening hours in the tenant's zone; day_of_week is ISO (1 = Monday). A day without rows is closed.
CREATE TABLE business_hours (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    tenant_id   VARCHAR(64) NOT NULL,
    day_of_week TINYINT     NOT NULL,
    opens_at    TIME        NOT NULL,
    closes_at   TIME        NOT NULL,
    PRIMARY KEY (id),
    KEY ix_business_hours_tenant (tenant_id, day_of_week),
    CONSTRAINT fk_business_hours_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE holidays (
    tenant_id VARCHAR(64) NOT NULL,
    day       DATE        NOT NULL,
    PRIMARY KEY (tenant_id, day),
    CONSTRAINT fk_holidays_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Text templates; line_id NULL means the tenant's default for that kind.
CREATE TABLE message_templates (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    tenant_id  VARCHAR(64) NOT NULL,
    line_id    BIGINT      NULL,
    kind       VARCHAR(40) NOT NULL,
    body       TEXT        NOT NULL,
    updated_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_message_templates_tenant (tenant_id, kind),
    CONSTRAINT fk_message_templates_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_message_templates_line FOREIGN KEY (line_id) REFERENCES phone_lines (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE callers (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id      VARCHAR(64)  NOT NULL,
    phone          VARCHAR(20)  NOT NULL,
    display_name   VARCHAR(200) NULL,
    opted_out_at   DATETIME(6)  NULL,
    blocked        BOOLEAN      NOT NULL DEFAULT FALSE,
    sms_capable    BOOLEAN      NULL,
    created_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_callers_tenant_phone (tenant_id, phone),
    CONSTRAINT fk_callers_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- One row per carrier call; the carrier's call id is the idempotency key for every webhook.
CREATE TABLE calls (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    tenant_id      VARCHAR(64) NOT NULL,
    line_id        BIGINT      NOT NULL,
    caller_id      BIGINT      NOT NULL,
    call_sid       VARCHAR(64) NOT NULL,
    from_number    VARCHAR(20) NOT NULL,
    to_number      VARCHAR(20) NOT NULL,
    carrier_status VARCHAR(30) NULL,
    outcome        VARCHAR(30) NULL,
    outcome_reason VARCHAR(300) NULL,
    received_at    DATETIME(6) NOT NULL,
    decided_at     DATETIME(6) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_calls_call_sid (call_sid),
    KEY ix_calls_tenant_received (tenant_id, received_at),
    KEY ix_calls_tenant_caller (tenant_id, caller_id),
    CONSTRAINT fk_calls_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_calls_line FOREIGN KEY (line_id) REFERENCES phone_lines (id),
    CONSTRAINT fk_calls_caller FOREIGN KEY (caller_id) REFERENCES callers (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE conversations (
    id               BIGINT      NOT NULL AUTO_INCREMENT,
    tenant_id        VARCHAR(64) NOT NULL,
    caller_id        BIGINT      NOT NULL,
    line_id          BIGINT      NOT NULL,
    state            VARCHAR(20) NOT NULL,
    handled_by_human BOOLEAN     NOT NULL DEFAULT FALSE,
    opened_at        DATETIME(6) NOT NULL,
    last_activity_at DATETIME(6) NOT NULL,
    closed_at        DATETIME(6) NULL,
    PRIMARY KEY (id),
    KEY ix_conversations_tenant_caller (tenant_id, caller_id, state),
    CONSTRAINT fk_conversations_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_conversations_caller FOREIGN KEY (caller_id) REFERENCES callers (id),
    CONSTRAINT fk_conversations_line FOREIGN KEY (line_id) REFERENCES phone_lines (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every text in or out. dedupe_key makes "one text per purpose" a database fact
-- (e.g. textback:<CallSid>); send_state is the send ledger: pending, sending, sent, failed.
CREATE TABLE messages (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id       VARCHAR(64)  NOT NULL,
    conversation_id BIGINT       NULL,
    call_id         BIGINT       NULL,
    direction       VARCHAR(10)  NOT NULL,
    purpose         VARCHAR(30)  NOT NULL,
    dedupe_key      VARCHAR(120) NULL,
    from_number     VARCHAR(20)  NOT NULL,
    to_number       VARCHAR(20)  NOT NULL,
    body            TEXT         NOT NULL,
    send_state      VARCHAR(20)  NOT NULL,
    carrier_sid     VARCHAR(64)  NULL,
    carrier_status  VARCHAR(30)  NULL,
    error_code      VARCHAR(20)  NULL,
    attempts        INT          NOT NULL DEFAULT 0,
    created_at      DATETIME(6)  NOT NULL,
    sent_at         DATETIME(6)  NULL,
    updated_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_messages_dedupe (dedupe_key),
    UNIQUE KEY uq_messages_carrier_sid (carrier_sid),
    KEY ix_messages_tenant_created (tenant_id, created_at),
    KEY ix_messages_conversation (conversation_id),
    CONSTRAINT fk_messages_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_messages_conversation FOREIGN KEY (conversation_id) REFERENCES conversations (id),
    CONSTRAINT fk_messages_call FOREIGN KEY (call_id) REFERENCES calls (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE leads (
    id               BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id        VARCHAR(64)  NOT NULL,
    caller_id        BIGINT       NOT NULL,
    call_id          BIGINT       NULL,
    conversation_id  BIGINT       NULL,
    status           VARCHAR(30)  NOT NULL,
    caller_name      VARCHAR(200) NULL,
    service_address  VARCHAR(400) NULL,
    in_service_area  BOOLEAN      NULL,
    problem          TEXT         NULL,
    trade            VARCHAR(30)  NULL,
    urgency          VARCHAR(20)  NULL,
    existing_customer BOOLEAN     NOT NULL DEFAULT FALSE,
    suppression_reason VARCHAR(200) NULL,
    created_at       DATETIME(6)  NOT NULL,
    updated_at       DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_leads_tenant_created (tenant_id, created_at),
    CONSTRAINT fk_leads_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_leads_caller FOREIGN KEY (caller_id) REFERENCES callers (id),
    CONSTRAINT fk_leads_call FOREIGN KEY (call_id) REFERENCES calls (id),
    CONSTRAINT fk_leads_conversation FOREIGN KEY (conversation_id) REFERENCES conversations (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- OAuth credentials are AES-GCM encrypted at rest; key_id names the key for rotation.
CREATE TABLE crm_connections (
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id             VARCHAR(64)  NOT NULL,
    crm_id                VARCHAR(40)  NOT NULL,
    status                VARCHAR(20)  NOT NULL,
    external_account_id   VARCHAR(100) NULL,
    credentials_encrypted BLOB         NULL,
    key_id                VARCHAR(40)  NULL,
    last_error            TEXT         NULL,
    connected_at          DATETIME(6)  NULL,
    updated_at            DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_crm_connections_tenant_crm (tenant_id, crm_id),
    CONSTRAINT fk_crm_connections_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Console users. tenant_id NULL marks a platform admin who may switch tenants.
CREATE TABLE admin_users (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id     VARCHAR(64)  NULL,
    username      VARCHAR(100) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    role          VARCHAR(20)  NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_admin_users_username (username),
    CONSTRAINT fk_admin_users_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- db-scheduler's table (its MySQL layout, with DATETIME(6) in UTC: see alwaysPersistTimestampInUtc).
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            BLOB         NULL,
    execution_time       DATETIME(6)  NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(50)  NULL,
    last_success         DATETIME(6)  NULL,
    last_failure         DATETIME(6)  NULL,
    consecutive_failures INT          NULL,
    last_heartbeat       DATETIME(6)  NULL,
    version              BIGINT       NOT NULL,
    priority             SMALLINT     NULL,
    PRIMARY KEY (task_name, task_instance),
    KEY execution_time_idx (execution_time),
    KEY last_heartbeat_idx (last_heartbeat),
    KEY priority_execution_time_idx (priority, execution_time)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
