package io.redial.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The one fixture for every outside service: the {@link FakeService}s a test class holds in static fields are
 * what its Spring context talks to (their {@link FakeService#appProperties()} win over the class's own
 * properties, as a {@code @DynamicPropertySource} would), and they are stopped after the class. Registered in
 * {@code META-INF/spring.factories}, so test classes wire nothing by hand.
 */
public final class FakeServices implements ContextCustomizerFactory, TestExecutionListener {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attrs) {
        List<FakeService> fakes = of(testClass);
        return fakes.isEmpty() ? null : new PointAt(fakes);
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        of(testContext.getTestClass()).forEach(FakeService::close);
    }

    /** The fakes in the static fields of {@code testClass} and its superclasses, in declaration order. */
    static List<FakeService> of(Class<?> testClass) {
        List<FakeService> fakes = new ArrayList<>();
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && FakeService.class.isAssignableFrom(field.getType())) {
                    try {
                        field.setAccessible(true);
                        fakes.add((FakeService) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException("cannot read the fake in " + field, e);
                    }
                }
            }
        }
        return fakes;
    }

    /** Equal only for the same fakes, so each test class keeps a context of its own, as it had before. */
    private record PointAt(List<FakeService> fakes) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Map<String, Object> properties = new LinkedHashMap<>();
            fakes.forEach(fake -> properties.putAll(fake.appProperties()));
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("redial-fake-services", properties));
        }
    }
}
