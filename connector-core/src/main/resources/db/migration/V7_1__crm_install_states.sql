-- CRM installs through Spring Security's OAuth2 client (issue 5, point 4). Each OAuth `state` we hand
-- out is a row until its callback consumes it: a replayed callback finds nothing and stores nothing.
CREATE TABLE crm_install_states (
    state        VARCHAR(64)  NOT NULL,
    crm_id       VARCHAR(40)  NOT NULL,
    redirect_uri VARCHAR(500) NOT NULL,
    expires_at   DATETIME(6)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (state),
    KEY ix_crm_install_states_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;
