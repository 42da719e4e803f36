/**
 * Delivery of the e-mail outbox over SMTP, and the development mail catcher: an SMTP server inside
 * the application with a page at {@code /dev/mail} that shows what was sent.
 */
package org.learningmap.platform.mail;
