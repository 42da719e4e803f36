package org.learningmap.catalogue.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;

class ActivityImportTest extends EditingTestBase {

    private MvcResult upload(String csv, boolean publish) throws Exception {
        return upload(csv.getBytes(StandardCharsets.UTF_8), publish);
    }

    private MvcResult upload(byte[] bytes, boolean publish) throws Exception {
        return mvc.perform(multipart("/staff/organisations/" + orgA + "/activities/import")
                        .file(new MockMultipartFile("file", "activities.csv", "text/csv", bytes))
                        .param("publish", String.valueOf(publish))
                        .header("Accept-Language", "en").with(user(as(editorA))).with(csrf()))
                .andReturn();
    }

    private long waitForJob(MvcResult started) throws InterruptedException {
        String location = started.getResponse().getRedirectedUrl();
        assertThat(location).as("redirect to the job page").matches(".*/activities/import/\\d+");
        long job = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            String state = jdbc.sql("SELECT status FROM import_job WHERE id = ?").param(job).query(String.class).single();
            if (!"RUNNING".equals(state)) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("import " + job + " did not finish");
    }

    @Test
    void goodRowsAreImportedAndEveryBadRowIsReportedWithItsColumn() throws Exception {
        String first = inDays(10) + " 18:00";
        String csv = """
                kind,title_lt,title_en,min_age,max_age,topics,venue_id,first_start,duration_minutes,weekly_count,price
                CLASS,Gera eilutė,Good row,10,20,digital-skills|online-safety,%1$d,%2$s,90,4,"3,50"
                CLASS,,No Lithuanian title,,,,,,,,
                COURSE,Blogas amžius,Bad ages,30,10,,,,,,
                EVENT,Bloga tema,Bad topic,,,no-such-topic,,,,,
                CLASS,Svetima vieta,Foreign venue,,,,%3$d,%2$s,60,2,
                ONLINE_COURSE,Nuotoliniai kursai,Online course,,,,,,,,
                """.formatted(venueA, first, venueB);

        long job = waitForJob(upload(csv, false));

        assertThat(jdbc.sql("SELECT status FROM import_job WHERE id = ?").param(job).query(String.class).single()).isEqualTo("DONE");
        assertThat(jdbc.sql("SELECT title ->> 'en' FROM activity WHERE organisation_id = ?").param(orgA).query(String.class).list())
                .containsExactly("Good row");
        long good = jdbc.sql("SELECT id FROM activity WHERE organisation_id = ?").param(orgA).query(Long.class).single();
        assertThat(statusOf(good)).isEqualTo("DRAFT");
        assertThat(sessions(good)).isEqualTo(4);
        assertThat(jdbc.sql("SELECT price_cents FROM activity WHERE id = ?").param(good).query(Integer.class).single()).isEqualTo(350);
        assertThat(jdbc.sql("SELECT count(*) FROM activity_topic WHERE activity_id = ?").param(good).query(Integer.class).single()).isEqualTo(2);

        mvc.perform(get("/staff/organisations/" + orgA + "/activities/import/" + job).header("Accept-Language", "en").with(user(as(editorA))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("6 of 6 rows checked: 1 imported (0 published or sent for review), 5 with problems.")))
                .andExpect(content().string(containsString("Give the activity a title in the site’s main language.")))
                .andExpect(content().string(containsString("The highest age must not be lower than the lowest age.")))
                .andExpect(content().string(containsString("“no-such-topic” is not a topic of this site.")))
                .andExpect(content().string(containsString("Choose one of your organisation’s venues.")))
                .andExpect(content().string(containsString("An online self-study course needs the web address")))
                .andExpect(content().string(containsString("<code>title_lt</code>")))
                .andExpect(content().string(containsString("<code>max_age</code>")))
                .andExpect(content().string(containsString("<code>venue_id</code>")));
    }

    @Test
    void publishedWhenChosenAndAllowedElseADraftWithANote() throws Exception {
        String csv = """
                kind;title_lt;online_url;venue_id;first_start;duration_minutes
                ONLINE_COURSE;Savarankiški kursai;https://learn.example.org/a;;;120
                CLASS;Be užsiėmimų;;;;
                """;

        long job = waitForJob(upload(csv, true));

        assertThat(jdbc.sql("SELECT status FROM activity WHERE organisation_id = ? ORDER BY id").param(orgA).query(String.class).list())
                .containsExactly("PUBLISHED", "DRAFT");
        mvc.perform(get("/staff/organisations/" + orgA + "/activities/import/" + job + "/status").header("Accept-Language", "en")
                        .with(user(as(editorA))))
                .andExpect(content().string(containsString("Imported as a draft: Add at least one upcoming session before publishing")))
                .andExpect(content().string(containsString("<progress id=\"import-progress\" max=\"2\" value=\"2\"")));
    }

    @Test
    void aMalformedFileIsRefusedWholeWithAClearMessage() throws Exception {
        MvcResult quotes = upload("kind,title_lt\nCLASS,\"Neuždarytos kabutės\nEVENT,Antra\n", false);
        assertThat(quotes.getResponse().getContentAsString()).contains("The quotation marks in row 2 do not match.");

        byte[] windows1257 = "kind,title_lt\nCLASS,Žalgiris\n".getBytes(java.nio.charset.Charset.forName("windows-1257"));
        assertThat(upload(windows1257, false).getResponse().getContentAsString()).contains("The file is not in UTF-8.");

        assertThat(upload("CLASS,Kursai,2026-12-01\n", false).getResponse().getContentAsString())
                .contains("The first row must name the columns");
        assertThat(upload("kind,title_en\nCLASS,Only English\n", false).getResponse().getContentAsString())
                .contains("The column “title_lt” is missing.");
        assertThat(upload("kind,title_lt,colour\nCLASS,Kursai,red\n", false).getResponse().getContentAsString())
                .contains("The column “colour” is not known.");
        assertThat(upload("", false).getResponse().getContentAsString()).contains("The file is empty.");
        assertThat(upload(new byte[ActivityImport.MAX_BYTES + 1], false).getResponse().getContentAsString())
                .contains("The file is larger than 5 MB.");
        StringBuilder many = new StringBuilder("kind,title_lt\n");
        many.append("CLASS,Kursai\n".repeat(ActivityImport.MAX_ROWS + 1));
        assertThat(upload(many.toString(), false).getResponse().getContentAsString()).contains("The file has more than 10,000 rows.");

        assertThat(jdbc.sql("SELECT count(*) FROM import_job WHERE organisation_id = ?").param(orgA).query(Integer.class).single()).isZero();
        assertThat(activitiesOf(orgA)).isZero();
    }

    @Test
    void theTemplateCanBeImportedAsItIs() throws Exception {
        MvcResult template = mvc.perform(get("/staff/organisations/" + orgA + "/activities/import/template.csv").with(user(as(editorA))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("activities-template.csv")))
                .andReturn();
        byte[] bytes = template.getResponse().getContentAsByteArray();

        long job = waitForJob(upload(bytes, false));

        assertThat(jdbc.sql("SELECT failed_rows FROM import_job WHERE id = ?").param(job).query(Integer.class).single()).isZero();
        assertThat(activitiesOf(orgA)).isEqualTo(2);
    }

    @Test
    void whileAJobRunsItsProgressIsPolledAndCanBeRefreshedWithoutJavaScript() throws Exception {
        long job = jdbc.sql("""
                        INSERT INTO import_job (site_id, organisation_id, account_id, file_name, total_rows, processed_rows, imported_rows)
                        VALUES (?, ?, ?, 'big.csv', 4000, 1000, 990) RETURNING id
                        """).params(lietuva, orgA, editorA).query(Long.class).single();
        String page = "/staff/organisations/" + orgA + "/activities/import/" + job;

        mvc.perform(get(page + "/status").header("Accept-Language", "en").with(user(as(editorA))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hx-get=\"" + page + "/status\"")))
                .andExpect(content().string(containsString("hx-trigger=\"every 1s\"")))
                .andExpect(content().string(containsString("<progress id=\"import-progress\" max=\"4000\" value=\"1000\">25 %</progress>")))
                .andExpect(content().string(containsString("Refresh")));

        jdbc.sql("UPDATE import_job SET status = 'DONE', processed_rows = 4000 WHERE id = ?").param(job).update();
        mvc.perform(get(page + "/status").header("Accept-Language", "en").with(user(as(editorA))))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("hx-trigger"))))
                .andExpect(content().string(containsString("The import is finished.")));
    }

    @Test
    void aJobWhoseServerStoppedIsMarkedFailedAndSaysToImportTheRestAgain() throws Exception {
        long silent = jdbc.sql("""
                        INSERT INTO import_job (site_id, organisation_id, account_id, file_name, total_rows, processed_rows,
                                                imported_rows, heartbeat_at)
                        VALUES (?, ?, ?, 'stopped.csv', 400, 120, 118, now() - interval '10 minutes') RETURNING id
                        """).params(lietuva, orgA, editorA).query(Long.class).single();
        long alive = jdbc.sql("""
                        INSERT INTO import_job (site_id, organisation_id, account_id, file_name, total_rows, processed_rows)
                        VALUES (?, ?, ?, 'alive.csv', 400, 10) RETURNING id
                        """).params(lietuva, orgA, editorA).query(Long.class).single();

        abandonedImports.sweep();

        assertThat(jdbc.sql("SELECT status FROM import_job WHERE id = ?").param(silent).query(String.class).single()).isEqualTo("FAILED");
        assertThat(jdbc.sql("SELECT status FROM import_job WHERE id = ?").param(alive).query(String.class).single()).isEqualTo("RUNNING");
        mvc.perform(get("/staff/organisations/" + orgA + "/activities/import/" + silent).header("Accept-Language", "en")
                        .with(user(as(editorA))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("the server running it stopped")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("hx-trigger"))));
    }

    @org.springframework.beans.factory.annotation.Autowired
    AbandonedImports abandonedImports;
}
