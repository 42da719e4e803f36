package org.learningmap.platform;

import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells input the database refused as data (a NUL character, a value too long or out of range, a date
 * that does not exist) from a real failure. Such input is the caller's mistake: a 400 in their language,
 * not a server error. Every other database failure stays a server error. Each one is logged as a warning
 * (the database's reason, no stack trace), so that a field the application should have checked itself shows.
 */
final class BadInput {

    private static final Logger log = LoggerFactory.getLogger(BadInput.class);

    private BadInput() {
    }

    static boolean refusedByTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // class 22: data exception; 54000: a value too large for an index or a text search vector
                boolean refused = state.startsWith("22") || state.equals("54000");
                if (refused) {
                    log.warn("Input refused by the database (SQLState {}): {}", state, sql.getMessage());
                }
                return refused;
            }
        }
        return false;
    }

    /**
     * A failure of the moment, not of the request: every pooled connection stayed busy for the pool's whole
     * timeout (a burst larger than the database can take), the database refused a connection or cancelled a
     * transaction to break a deadlock or a serialisation conflict. The caller may simply try again: a 503 with
     * {@code Retry-After}, in their language. Logged as a warning, without a stack trace.
     */
    static boolean busy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
            boolean busy = cause instanceof java.sql.SQLTransientConnectionException
                    || (state != null && (state.equals("40001") || state.equals("40P01") || state.equals("53300")
                    || state.equals("57P03")));
            if (busy) {
                log.warn("Busy, the caller is asked to try again ({}): {}", state == null ? cause.getClass().getSimpleName() : state,
                        cause.getMessage());
                return true;
            }
        }
        return false;
    }

    /** Seconds after which a caller told {@link #busy} may try again. */
    static final String RETRY_AFTER = "5";
}
