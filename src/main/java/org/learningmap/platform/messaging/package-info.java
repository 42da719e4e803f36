/**
 * Short text messages (SMS or a messaging service): the {@code outbox_sms} sender and the gateways it
 * can use, chosen with {@code learningmap.sms.adapter}: {@code logging} (the default; writes each message
 * to the log) or {@code http} (posts {@code {"to": ..., "text": ...}} to a configured gateway URL).
 */
package org.learningmap.platform.messaging;
