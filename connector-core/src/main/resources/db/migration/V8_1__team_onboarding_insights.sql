-- The console (issue 6, points 1-3): invitations by link, onboarding progress, and the job values the
-- dashboard estimates with. Same portability rules as V1: InnoDB, utf8mb4, DATETIME(6) UTC; every row has tenant_id.

-- An invitation is a single-use link. Only the SHA-256 of its token is kept: a leaked table opens no account.
CREATE TABLE admin_invitations (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    tenant_id   VARCHAR(64)  NOT NULL,
    email       VARCHAR(100) NOT NULL,
    role        VARCHAR(20)  NOT NULL,
    token_hash  CHAR(64)     NOT NULL,
    invited_by  VARCHAR(100) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    accepted_at DATETIME(6)  NULL,
    revoked_at  DATETIME(6)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_admin_invitations_token (token_hash),
    KEY ix_admin_invitations_tenant (tenant_id),
    CONSTRAINT fk_admin_invitations_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Where a tenant is in the guided setup; completed_at set once it finished (or skipped) the last step.
CREATE TABLE onboarding_progress (
    tenant_id    VARCHAR(64) NOT NULL,
    step         VARCHAR(30) NOT NULL,
    completed_at DATETIME(6) NULL,
    updated_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant_id),
    CONSTRAINT fk_onboarding_progress_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- What an average booked job of a trade is worth to this contractor, for the dashboard's estimate.
CREATE TABLE trade_job_values (
    tenant_id     VARCHAR(64)   NOT NULL,
    trade         VARCHAR(30)   NOT NULL,
    average_value DECIMAL(10,2) NOT NULL,
    PRIMARY KEY (tenant_id, trade),
    CONSTRAINT fk_trade_job_values_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- Names for the numbers of the on-call ladder (tenants.on_call keeps the numbers and their order).
CREATE TABLE on_call_names (
    tenant_id VARCHAR(64)  NOT NULL,
    phone     VARCHAR(20)  NOT NULL,
    name      VARCHAR(200) NOT NULL,
    PRIMARY KEY (tenant_id, phone),
    CONSTRAINT fk_on_call_names_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
