package org.learningmap.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Interface texts: one message bundle per module under {@code i18n/<module>/messages_<language>.properties},
 * all found on the class path. A new language is a new file in each module's folder.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    @Bean
    MessageSource messageSource() {
        var source = new ResourceBundleMessageSource();
        source.setBasenames(moduleBundles());
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        source.setDefaultLocale(Locale.ENGLISH);
        source.setUseCodeAsDefaultMessage(false);
        return source;
    }

    static String[] moduleBundles() {
        try {
            Resource[] english = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*/messages_en.properties");
            return Arrays.stream(english)
                    .map(resource -> {
                        try {
                            String url = resource.getURL().toString();
                            String module = url.substring(0, url.lastIndexOf('/'));
                            return "i18n/" + module.substring(module.lastIndexOf('/') + 1) + "/messages";
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .distinct()
                    .sorted()
                    .toArray(String[]::new);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
