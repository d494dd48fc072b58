package io.redial.admin;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** Boots core plus the console for view tests. */
@SpringBootConfiguration
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = "io.redial")
@ComponentScan(basePackages = "io.redial",
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.redial\\.testing\\..*"))
public class AdminTestApplication {
}
