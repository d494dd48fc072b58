-- Issue 27: whether each line may text US phones (A2P 10DLC / toll-free verification), and callers a
-- text-back did not reach.

-- The last known registration state of each line, as the recurring check found it.
CREATE TABLE line_readiness (
    line_id             BIGINT       NOT NULL,
    tenant_id           VARCHAR(64)  NOT NULL,
    state               VARCHAR(20)  NOT NULL,   -- NOT_REGISTERED, PENDING, APPROVED, REJECTED, UNKNOWN
    sender_kind         VARCHAR(20)  NOT NULL,   -- LOCAL, TOLL_FREE
    detail              VARCHAR(500) NULL,       -- the carrier's own words: campaign/brand/verification status, reason
    messages_per_second INT          NULL,       -- the throughput the registration grants, when Twilio says
    checked_at          DATETIME(6)  NOT NULL,
    changed_at          DATETIME(6)  NOT NULL,
    PRIMARY KEY (line_id),
    KEY ix_line_readiness_tenant (tenant_id),
    CONSTRAINT fk_line_readiness_line FOREIGN KEY (line_id) REFERENCES phone_lines (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- The sandbox carrier's simulated registration state per line (null: approved), so the screens can be tried.
ALTER TABLE phone_lines
    ADD COLUMN simulated_readiness VARCHAR(20) NULL;

-- A lead whose text-back ended undelivered or failed: why, and when we learnt it.
ALTER TABLE leads
    ADD COLUMN not_reached_reason VARCHAR(300) NULL,
    ADD COLUMN not_reached_at     DATETIME(6)  NULL;

-- The staff phone told at once when a text-back does not reach its caller (null: the console notice only).
ALTER TABLE tenants
    ADD COLUMN unreached_alert_phone VARCHAR(20) NULL;
