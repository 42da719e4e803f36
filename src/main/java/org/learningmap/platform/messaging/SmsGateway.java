package org.learningmap.platform.messaging;

/** Where a short text message goes out. A thrown {@link SmsNotSent} means: try again later. */
interface SmsGateway {

    void send(String phone, String text) throws SmsNotSent;

    /** The gateway did not accept the message (unreachable, timed out or answered with an error). */
    final class SmsNotSent extends Exception {
        SmsNotSent(String message) {
            super(message);
        }

        SmsNotSent(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
