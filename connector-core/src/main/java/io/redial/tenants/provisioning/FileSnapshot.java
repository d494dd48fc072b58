package io.redial.tenants.provisioning;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What one tenant's part of the provisioning file said when it was last applied. A setting the file still
 * says the same about belongs to the console (an admin may have changed it since); a setting the file now
 * says something new about, or has never been applied, belongs to the file.
 */
final class FileSnapshot {

    private final JdbcClient jdbc;
    private final String tenant;
    private final Map<String, String> last;
    private final Map<String, String> now = new HashMap<>();

    private FileSnapshot(JdbcClient jdbc, String tenant, Map<String, String> last) {
        this.jdbc = jdbc;
        this.tenant = tenant;
        this.last = last;
    }

    static FileSnapshot of(JdbcClient jdbc, String tenant) {
        Map<String, String> last = new HashMap<>();
        jdbc.sql("SELECT item, value FROM provisioning_snapshots WHERE tenant_id = ?").param(tenant)
                .query((rs, n) -> last.put(rs.getString(1), rs.getString(2))).list();
        return new FileSnapshot(jdbc, tenant, last);
    }

    /** Records what the file says of {@code item}; true when the file is to set it (new, or changed in the file). */
    boolean fileSets(String item, String fileValue) {
        now.put(item, fileValue);
        return !Objects.equals(last.get(item), fileValue);
    }

    /** Remembers what the file said this time (rows that did not change are not written). */
    void save() {
        now.forEach((item, value) -> {
            if (!value.equals(last.get(item))) {
                jdbc.sql("""
                        INSERT INTO provisioning_snapshots (tenant_id, item, value) VALUES (?, ?, ?)
                        ON DUPLICATE KEY UPDATE value = VALUES(value)""").params(tenant, item, value).update();
            }
        });
    }
}
