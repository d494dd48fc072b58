package io.redial.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Redial: every module under {@code io.redial}. Core's shared test support ({@code io.redial.testing}) is
 * kept out of the scan, since tests put it on the class path.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = "io.redial") // Vaadin finds the console's routes here
@ComponentScan(basePackages = "io.redial", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.redial\\.testing\\..*")})
public class RedialApplication {

    public static void main(String[] args) {
        SpringApplication.run(RedialApplication.class, args);
    }
}
