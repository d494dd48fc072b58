package io.redial.tenants.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.redial.shared.geo.GeoPoint;
import io.redial.shared.geo.ServiceRadius;
import org.junit.jupiter.api.Test;

class ServiceRadiusProvisioningTests {

    static final String TENANT = """
            tenants:
              - id: radius-co
                name: Hill Country Air
                timezone: America/Chicago
                service_area: %s
            """;

    @Test
    void aRadiusNeedsBothMilesAndCenter() {
        assertThat(ProvisioningFile.parse(TENANT.formatted("{radius_miles: 25, center: [30.2747, -97.7404]}"))
                .getFirst().serviceAreaRadius()).isEqualTo(new ServiceRadius(new GeoPoint(30.2747, -97.7404), 25));
        assertThat(ProvisioningFile.parse(TENANT.formatted("{zips: [\"78701\"]}")).getFirst().serviceAreaRadius()).isNull();

        assertThatThrownBy(() -> ProvisioningFile.parse(TENANT.formatted("{radius_miles: 25}")))
                .hasMessageContaining("tenants[0].service_area: a radius needs radius_miles and center");
        assertThatThrownBy(() -> ProvisioningFile.parse(TENANT.formatted("{radius_miles: 900, center: [30.2, -97.7]}")))
                .hasMessageContaining("tenants[0].service_area.radius_miles: '900'").hasMessageContaining("between 0 and 500");
    }
}
