package org.learningmap.platform;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * When every database connection stays busy for longer than a request may wait (a burst larger than the
 * database can take), the person is told, in their language, that the site is busy and to try again in
 * a few seconds (503 with Retry-After), not that something broke; once a connection is free the same
 * request works.
 */
@SpringBootTest(properties = {"learningmap.embedded-database.pool-size=2", "learningmap.embedded-database.connection-timeout=300ms"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
class ABurstLargerThanTheDatabaseCanTakeIsAskedToWaitTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyConnectionBusyAnswersTryAgainInTheVisitorsLanguage() throws Exception {
        long activity = jdbc.sql("SELECT min(id) FROM activity WHERE status = 'PUBLISHED'").query(Long.class).single();
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            mvc.perform(get("/api/v1/activities/" + activity).header("Accept-Language", "lt"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.code").value("error.busy"))
                    .andExpect(jsonPath("$.detail").value(containsString("bandykite dar kartą po kelių sekundžių")));
            mvc.perform(get("/activities/" + activity).header("Accept-Language", "uk"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(content().string(containsString("спробуйте ще раз за кілька секунд")));
            // A personal token is checked in a security filter, before any controller.
            mvc.perform(post("/api/v1/sessions/1/enrolment").header("Authorization", "Bearer lm_someone")
                            .header("Accept-Language", "en").accept(MediaType.APPLICATION_JSON))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"));
        }
        mvc.perform(get("/api/v1/activities/" + activity)).andExpect(status().isOk());
        mvc.perform(get("/activities/" + activity)).andExpect(status().isOk());
    }
}
