package org.learningmap.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The signed-in sessions kept in the database (Spring Session JDBC), shared by every node. */
@Service
public class HttpSessions {

    private final JdbcClient jdbc;

    HttpSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ends every session of this sign-in name on every device; their attributes go with them. */
    public int endAllOf(String principalName) {
        if (principalName == null || principalName.isBlank()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM spring_session WHERE principal_name = ?").param(principalName).update();
    }
}
