-- Who each on-call number belongs to, for the console; the ladder's order stays in tenants.on_call.
CREATE TABLE on_call_names (
    tenant_id VARCHAR(64)  NOT NULL,
    phone     VARCHAR(20)  NOT NULL,
    name      VARCHAR(100) NOT NULL,
    PRIMARY KEY (tenant_id, phone),
    CONSTRAINT fk_on_call_names_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
