package org.learningmap.audit;

import java.util.Map;
import org.learningmap.accounts.CurrentAccount;

/** What the request told about itself on its way through, kept in a request attribute until it is written. */
final class Capture {

    static final String ATTRIBUTE = Capture.class.getName();

    CurrentAccount actor;
    String pattern;
    Map<String, String> pathVariables;
    Long organisationId;
    boolean organisationResolved;
    /**
     * An API write that is not a DELETE: its organisation is asked for only when the entry is written (the
     * caller is staff), after the handler ran; the thing the route names still exists then. Most API writes
     * are people signing themselves up, whose requests are not written down, so they cost no lookup.
     */
    boolean organisationWhenWritten;
    /** The web layer matched a handler (its request parameters may name the organisation). */
    boolean handled;
}
