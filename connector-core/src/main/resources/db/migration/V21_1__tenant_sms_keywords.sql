-- Issue #23, the STOP/HELP keyword lists editable per tenant: words a tenant adds to the built-in carrier keywords
-- (which stay and cannot be removed), each with the language its answer is sent in.
CREATE TABLE sms_keywords (
    tenant_id  VARCHAR(64) NOT NULL,
    word       VARCHAR(30) NOT NULL,
    kind       VARCHAR(10) NOT NULL,
    spanish    BOOLEAN     NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (tenant_id, word),
    CONSTRAINT fk_sms_keywords_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
