-- A configured pace per Messaging Service: every line sending through the service shares its pace (the service
-- is one sender to the carriers), used when Twilio does not state the throughput the registration grants.
CREATE TABLE messaging_service_paces (
    tenant_id             VARCHAR(64) NOT NULL,
    messaging_service_sid VARCHAR(34) NOT NULL,
    sends_per_minute      INT         NOT NULL,
    PRIMARY KEY (tenant_id, messaging_service_sid),
    CONSTRAINT fk_messaging_service_paces_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
