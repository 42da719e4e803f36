package org.learningmap.platform;

import org.springframework.http.HttpStatus;

/**
 * A named business rule said no. The reason is a message key ({@code "organisation.already-decided"})
 * with a text in every language; pages and the API show it to the person in their language.
 */
public class RuleViolation extends RuntimeException {

    private final String reason;
    private final transient Object[] arguments;
    private final HttpStatus status;

    public RuleViolation(String reason, Object... arguments) {
        this(HttpStatus.CONFLICT, reason, arguments);
    }

    public RuleViolation(HttpStatus status, String reason, Object... arguments) {
        super(reason, null, false, false);
        this.reason = reason;
        this.arguments = arguments;
        this.status = status;
    }

    public static RuleViolation notFound() {
        return new RuleViolation(HttpStatus.NOT_FOUND, "error.not-found");
    }

    public static RuleViolation forbidden() {
        return new RuleViolation(HttpStatus.FORBIDDEN, "error.forbidden");
    }

    public static RuleViolation badRequest(String reason, Object... arguments) {
        return new RuleViolation(HttpStatus.BAD_REQUEST, reason, arguments);
    }

    public String reason() {
        return reason;
    }

    public Object[] arguments() {
        return arguments;
    }

    public HttpStatus status() {
        return status;
    }
}
