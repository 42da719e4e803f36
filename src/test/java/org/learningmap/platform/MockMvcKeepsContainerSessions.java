package org.learningmap.platform;

import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Tests on MockMvc (a mock web environment, one process, no HTTP) carry their signed-in session as a
 * {@code MockHttpSession} from one request to the next, which Spring Session's filter would replace by
 * its own cookie-bound session. So in those contexts sessions stay the servlet container's; every test on
 * a real port (browser journeys, {@link SecondNodeContinuesTheSessionTest}) runs with sessions in PostgreSQL.
 */
class MockMvcKeepsContainerSessions implements ContextCustomizerFactory {

    private static final String EXCLUDE = "org.springframework.boot.session.autoconfigure.SessionAutoConfiguration,"
            + "org.springframework.boot.session.autoconfigure.SessionsEndpointAutoConfiguration,"
            + "org.springframework.boot.session.jdbc.autoconfigure.JdbcSessionAutoConfiguration";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        var test = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY).get(SpringBootTest.class);
        if (!test.isPresent() || test.getEnum("webEnvironment", SpringBootTest.WebEnvironment.class) != SpringBootTest.WebEnvironment.MOCK) {
            return null;
        }
        return new Customizer();
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("mockMvcContainerSessions", Map.of("spring.autoconfigure.exclude", EXCLUDE)));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
