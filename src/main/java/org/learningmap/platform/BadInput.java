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
}
