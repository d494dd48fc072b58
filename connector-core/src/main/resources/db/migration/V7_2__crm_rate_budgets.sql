-- Cluster-wide CRM rate limits (issue 5, point 2): one row per connection and bucket holds the GCRA
-- state every node reserves from in a short locking transaction, so all nodes together stay under the
-- CRM's limit. Times are nanoseconds on the database's clock, the one clock all nodes share.
CREATE TABLE crm_rate_budgets (
    connection_id       BIGINT      NOT NULL,
    bucket              VARCHAR(40) NOT NULL,
    theoretical_arrival BIGINT      NOT NULL,
    paused_until        BIGINT      NOT NULL,
    waiting             INT         NOT NULL,
    PRIMARY KEY (connection_id, bucket)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
