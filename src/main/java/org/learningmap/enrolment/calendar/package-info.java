/**
 * A person's sessions in their own calendar app: a private feed ({@code /calendar/personal/<secret>.ics})
 * of the sessions they hold a place on (and, marked tentative, those they wait for), and the page
 * {@code /account/calendar} where they get the link or replace it with a new one.
 */
package org.learningmap.enrolment.calendar;
