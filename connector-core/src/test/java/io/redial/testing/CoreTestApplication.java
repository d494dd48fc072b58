package io.redial.testing;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/** Boots connector-core alone for its integration tests (the runnable app lives in deploy). */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan("io.redial")
public class CoreTestApplication {
}
