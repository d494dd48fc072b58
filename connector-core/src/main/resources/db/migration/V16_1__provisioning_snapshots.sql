-- What the provisioning file last said, per tenant and setting. A setting whose file value has not changed
-- since is left as the console has it; only what the file changes is applied again (Provisioner).
CREATE TABLE provisioning_snapshots (
    tenant_id VARCHAR(64)  NOT NULL,
    item      VARCHAR(190) NOT NULL,
    value     MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (tenant_id, item)
);
