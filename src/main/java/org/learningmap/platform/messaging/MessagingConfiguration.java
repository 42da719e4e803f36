package org.learningmap.platform.messaging;

import java.net.URI;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the gateway for short text messages by {@code learningmap.sms.adapter}: {@code logging} (default) or {@code http}. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    @Bean
    @ConditionalOnProperty(name = "learningmap.sms.adapter", havingValue = "logging", matchIfMissing = true)
    SmsGateway loggingSmsGateway() {
        return new LoggingSmsGateway();
    }

    @Bean
    @ConditionalOnProperty(name = "learningmap.sms.adapter", havingValue = "http")
    SmsGateway httpSmsGateway(@Value("${learningmap.sms.http.url}") URI url,
                              @Value("${learningmap.sms.http.auth-header:Authorization}") String authHeader,
                              @Value("${learningmap.sms.http.auth-value:}") String authValue,
                              @Value("${learningmap.sms.http.timeout:10s}") Duration timeout) {
        return new HttpSmsGateway(url, authHeader, authValue, timeout);
    }
}
