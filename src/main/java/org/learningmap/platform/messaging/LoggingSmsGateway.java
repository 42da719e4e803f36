package org.learningmap.platform.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes each message to the log instead of sending it: the default, for development and for sites without a gateway. */
class LoggingSmsGateway implements SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

    @Override
    public void send(String phone, String text) {
        log.info("SMS to {}: {}", masked(phone), text);
    }

    /** Only the last three digits of a phone number go to the log. */
    static String masked(String phone) {
        if (phone == null || phone.length() <= 3) {
            return "***";
        }
        return "*".repeat(phone.length() - 3) + phone.substring(phone.length() - 3);
    }
}
