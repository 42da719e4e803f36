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
}
