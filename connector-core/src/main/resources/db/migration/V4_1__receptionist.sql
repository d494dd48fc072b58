-- Anna, the receptionist: per-tenant settings, triage rule overrides, booking windows and bookings,
-- conversation state with its turn lease, escalations with every paging step, and the LLM chat memory.
-- Same portability rules as V1: InnoDB, utf8mb4, DATETIME(6) UTC, no JSON type; every row has tenant_id.

CREATE TABLE receptionist_settings (
    tenant_id          VARCHAR(64) NOT NULL,
    disclosure         BOOLEAN     NOT NULL DEFAULT FALSE,
    turn_cap           INT         NOT NULL DEFAULT 20,
    idle_minutes       INT         NOT NULL DEFAULT 30,
    daily_capacity     INT         NOT NULL DEFAULT 6,
    booking_days_ahead INT         NOT NULL DEFAULT 7,
    updated_at         DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant_id),
    CONSTRAINT fk_receptionist_settings_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A tenant's bookable arrival windows in its own zone (ISO day 1 = Monday). Without rows, each
-- business-hours interval is one window.
CREATE TABLE booking_windows (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    tenant_id   VARCHAR(64) NOT NULL,
    day_of_week TINYINT     NOT NULL,
    starts_at   TIME        NOT NULL,
    ends_at     TIME        NOT NULL,
    capacity    INT         NOT NULL DEFAULT 1,
    PRIMARY KEY (id),
    KEY ix_booking_windows_tenant (tenant_id, day_of_week),
    CONSTRAINT fk_booking_windows_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A booked job holds one unit of its window (slot_unit <= window capacity) and one unit of its day
-- (day_unit <= daily capacity). The unique keys make "the last slot goes to exactly one caller" a
-- database fact.
CREATE TABLE bookings (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    tenant_id  VARCHAR(64) NOT NULL,
    lead_id    BIGINT      NOT NULL,
    slot_start DATETIME(6) NOT NULL,
    slot_end   DATETIME(6) NOT NULL,
    local_day  DATE        NOT NULL,
    slot_unit  INT         NOT NULL,
    day_unit   INT         NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_bookings_slot_unit (tenant_id, slot_start, slot_unit),
    UNIQUE KEY uq_bookings_day_unit (tenant_id, local_day, day_unit),
    UNIQUE KEY uq_bookings_lead (tenant_id, lead_id),
    CONSTRAINT fk_bookings_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_bookings_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- A tenant's triage rules. A row whose code matches a built-in default replaces it (enabled = FALSE
-- switches it off); other codes add rules. match_terms: groups separated by ';', alternatives by '|';
-- every group must match.
CREATE TABLE triage_rules (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id    VARCHAR(64)  NOT NULL,
    code         VARCHAR(60)  NOT NULL,
    trade        VARCHAR(30)  NOT NULL,
    match_terms  TEXT         NOT NULL,
    urgency      VARCHAR(20)  NOT NULL,
    routing      VARCHAR(20)  NOT NULL,
    safety_en    TEXT         NULL,
    safety_es    TEXT         NULL,
    question_en  TEXT         NULL,
    question_es  TEXT         NULL,
    enabled      BOOLEAN      NOT NULL DEFAULT TRUE,
    updated_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_triage_rules_code (tenant_id, code),
    CONSTRAINT fk_triage_rules_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Anna's state per conversation. lease_until is the turn lease: one node at a time runs the turns of a
-- conversation, whatever the number of nodes.
CREATE TABLE receptionist_state (
    conversation_id BIGINT       NOT NULL,
    tenant_id       VARCHAR(64)  NOT NULL,
    lead_id         BIGINT       NULL,
    language        VARCHAR(5)   NOT NULL DEFAULT 'en',
    turns           INT          NOT NULL DEFAULT 0,
    disclosed       BOOLEAN      NOT NULL DEFAULT FALSE,
    stage           VARCHAR(30)  NOT NULL DEFAULT 'OPEN',
    offered_slots   TEXT         NULL,
    triage_rule     VARCHAR(60)  NULL,
    handback_note   TEXT         NULL,
    lease_owner     VARCHAR(64)  NULL,
    lease_until     DATETIME(6)  NULL,
    updated_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (conversation_id),
    KEY ix_receptionist_state_tenant (tenant_id),
    CONSTRAINT fk_receptionist_state_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_receptionist_state_conversation FOREIGN KEY (conversation_id) REFERENCES conversations (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The receptionist's inbox: one row per caller text handed to Anna (keywords never get here). A row
-- without processed_at is a turn still to run; our_micros is our own time, model_micros the LLM's.
CREATE TABLE receptionist_turns (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    tenant_id       VARCHAR(64) NOT NULL,
    conversation_id BIGINT      NOT NULL,
    message_id      BIGINT      NOT NULL,
    agent           VARCHAR(20) NULL,
    action          VARCHAR(20) NULL,
    our_micros      BIGINT      NULL,
    model_micros    BIGINT      NULL,
    created_at      DATETIME(6) NOT NULL,
    processed_at    DATETIME(6) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_receptionist_turns_message (message_id),
    KEY ix_receptionist_turns_conversation (tenant_id, conversation_id, processed_at),
    CONSTRAINT fk_receptionist_turns_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_receptionist_turns_message FOREIGN KEY (message_id) REFERENCES messages (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

CREATE TABLE escalations (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id       VARCHAR(64)  NOT NULL,
    lead_id         BIGINT       NOT NULL,
    conversation_id BIGINT       NULL,
    rule_code       VARCHAR(60)  NOT NULL,
    summary         VARCHAR(400) NOT NULL,
    state           VARCHAR(20)  NOT NULL,
    step            INT          NOT NULL DEFAULT 0,
    acknowledged_by VARCHAR(20)  NULL,
    created_at      DATETIME(6)  NOT NULL,
    updated_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_escalations_tenant_state (tenant_id, state),
    CONSTRAINT fk_escalations_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_escalations_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Every step of an escalation, recorded on the lead: paged, acknowledged, no answer, ladder exhausted, caller told.
CREATE TABLE escalation_steps (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id     VARCHAR(64)  NOT NULL,
    escalation_id BIGINT       NOT NULL,
    lead_id       BIGINT       NOT NULL,
    step          INT          NOT NULL,
    kind          VARCHAR(30)  NOT NULL,
    on_call       VARCHAR(20)  NULL,
    at            DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    KEY ix_escalation_steps_lead (tenant_id, lead_id),
    CONSTRAINT fk_escalation_steps_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id),
    CONSTRAINT fk_escalation_steps_escalation FOREIGN KEY (escalation_id) REFERENCES escalations (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The LLM's chat memory per conversation, as LangChain4j serialises it.
CREATE TABLE receptionist_chat_memory (
    tenant_id       VARCHAR(64) NOT NULL,
    conversation_id BIGINT      NOT NULL,
    messages        MEDIUMTEXT  NOT NULL,
    updated_at      DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant_id, conversation_id),
    CONSTRAINT fk_receptionist_chat_memory_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
