-- Missed-call detection and the instant text-back (issue 3).

-- Per-tenant policy for deciding and texting; defaults are what a contractor would expect.
ALTER TABLE tenants
    ADD COLUMN hang_up_threshold_seconds INT          NOT NULL DEFAULT 4,
    ADD COLUMN dedupe_window_hours       INT          NOT NULL DEFAULT 24,
    ADD COLUMN reject_failed_caller_id   BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN served_countries          VARCHAR(100) NOT NULL DEFAULT 'US,CA',
    ADD COLUMN booking_link              VARCHAR(300) NULL,
    ADD COLUMN messaging_service_sid     VARCHAR(64)  NULL,
    ADD COLUMN sends_per_minute          INT          NOT NULL DEFAULT 60;

-- Simultaneous rings every phone at once; sequential rings them in order, one ring timeout each.
ALTER TABLE phone_lines
    ADD COLUMN ring_strategy         VARCHAR(20) NOT NULL DEFAULT 'simultaneous',
    ADD COLUMN messaging_service_sid VARCHAR(64) NULL,
    ADD COLUMN sends_per_minute      INT         NULL;

-- What the carrier told us about a call, kept so every decision can be explained and replayed.
ALTER TABLE calls
    ADD COLUMN pattern          VARCHAR(20)  NULL,
    ADD COLUMN dial_status      VARCHAR(30)  NULL,
    ADD COLUMN dial_seconds     INT          NULL,
    ADD COLUMN call_seconds     INT          NULL,
    ADD COLUMN screen_accepted  BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN answered_by      VARCHAR(40)  NULL,
    ADD COLUMN forwarded_from   VARCHAR(20)  NULL,
    ADD COLUMN stir_verstat     VARCHAR(60)  NULL,
    ADD COLUMN ring_index       INT          NOT NULL DEFAULT 0,
    ADD COLUMN conversation_id  BIGINT       NULL,
    ADD COLUMN lead_id          BIGINT       NULL,
    ADD COLUMN text_decision    VARCHAR(300) NULL,
    ADD COLUMN voicemail_url    VARCHAR(500) NULL;

CREATE TABLE blocklist (
    tenant_id  VARCHAR(64)  NOT NULL,
    phone      VARCHAR(20)  NOT NULL,
    reason     VARCHAR(200) NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (tenant_id, phone),
    CONSTRAINT fk_blocklist_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Things the admin must hear about (a broken template, a text that could not be delivered).
CREATE TABLE admin_notices (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id   VARCHAR(64)  NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    message     VARCHAR(500) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    resolved_at DATETIME(6)  NULL,
    PRIMARY KEY (id),
    KEY ix_admin_notices_tenant (tenant_id, resolved_at),
    CONSTRAINT fk_admin_notices_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The pacing of each sender (a number or a Messaging Service): the earliest moment its next text may go.
-- Rows are locked per send, so every app node shares one pace. Epoch milliseconds, not DATETIME:
-- mysql-connector-j drops fractional seconds when the server is MariaDB (it reports itself as 5.5.5).
CREATE TABLE sender_pacing (
    sender       VARCHAR(64) NOT NULL,
    next_slot_ms BIGINT      NOT NULL,
    PRIMARY KEY (sender)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

ALTER TABLE messages
    ADD COLUMN segments        INT         NULL,
    ADD COLUMN encoding        VARCHAR(10) NULL,
    ADD KEY ix_messages_tenant_state (tenant_id, send_state);

-- A paced text's reserved send time, so a run that waited for its slot does not reserve another.
ALTER TABLE messages ADD COLUMN send_after_ms BIGINT NULL;
