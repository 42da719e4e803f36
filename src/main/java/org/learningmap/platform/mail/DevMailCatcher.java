package org.learningmap.platform.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An SMTP server inside the application for development: everything the outbox sends lands here
 * and is shown at {@code /dev/mail}, so sign-up and password reset work without a mail server.
 * It listens on the loopback address only. Turn it off in production
 * ({@code LEARNINGMAP_MAIL_DEV_CATCHER=false}): the viewer shows every message, reset links included.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "learningmap.mail.dev-catcher", havingValue = "true")
class DevMailCatcher {

    private static final Logger log = LoggerFactory.getLogger(DevMailCatcher.class);

    @Bean(destroyMethod = "stop")
    GreenMail devMailServer(@Value("${spring.mail.port}") int port, @Value("${spring.mail.host}") String host) {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        if (!"localhost".equals(host) && !"127.0.0.1".equals(host)) {
            log.warn("The development mail catcher is on, but e-mail goes to {}; it will catch nothing", host);
        }
        log.warn("Development mail catcher on 127.0.0.1:{}; sent e-mail is shown at /dev/mail. "
                + "Set LEARNINGMAP_MAIL_DEV_CATCHER=false in production.", port);
        return server;
    }
}
