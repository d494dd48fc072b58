package io.redial.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/** A MySQL 8 container, when a Docker engine answers. */
final class DockerMySql {

    private DockerMySql() {
    }

    static TestDatabase.Server tryStart() {
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return null;
            }
            MySQLContainer mysql = new MySQLContainer("mysql:8.4").withUsername("root").withPassword("test");
            mysql.start();
            String url = "jdbc:mysql://" + mysql.getHost() + ":" + mysql.getMappedPort(3306) + "/";
            return new TestDatabase.Server(url, "root", "test", "Testcontainers MySQL");
        } catch (RuntimeException e) {
            return null;
        }
    }
}
