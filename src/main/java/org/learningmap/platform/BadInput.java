package org.learningmap.platform;

import java.sql.SQLException;

/**
 * Tells input the database refused as data (a NUL character, a value too long or out of range, a date
 * that does not exist) from a real failure. Such input is the caller's mistake: a 400 in their language,
 * not a server error. Every other database failure stays a server error.
 */
final class BadInput {

    private BadInput() {
    }

    static boolean refusedByTheDatabase(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // class 22: data exception; 54000: a value too large for an index or a text search vector
                return state.startsWith("22") || state.equals("54000");
            }
        }
        return false;
    }
}
