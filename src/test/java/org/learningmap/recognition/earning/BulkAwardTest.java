package org.learningmap.recognition.earning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/** A CSV file awards many people in the background; malformed rows are reported and the others awarded, once. */
class BulkAwardTest extends EarningTestBase {

    @Test
    void aFileIsAwardedRowByRowWithAReportAndAgainAwardsNobodyTwice() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String holder = fixtures.email(learner);
        recognition.award(new org.learningmap.recognition.AwardRequest(badge.id(), learner, null, null,
                org.learningmap.recognition.AwardPath.EDUCATOR, null, null, educatorA, "earlier:" + tag));
        String csv = "email,name,narrative,evidence_url\n"
                + "ona." + tag + "@example.org,Ona Petraitienė,Made a video call,https://example.org/ona\n"
                + "not-an-address,Jonas,,\n"
                + holder + ",Learner,,\n"
                + "ruta." + tag + "@example.org,\"Rūta, \"unclosed,,\n"
                + "petras." + tag + "@example.org,Petras,,\n";

        long job = upload(csv);
        BulkJobs.Job done = waitFor(job);
        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.totalRows()).isEqualTo(5);
        assertThat(done.awardedRows()).isEqualTo(2);
        assertThat(done.heldRows()).isEqualTo(1);
        assertThat(done.failedRows()).isEqualTo(2);
        assertThat(awards(badge.id())).isEqualTo(3);
        var ona = recognition.awardsOfBadge(badge.id()).stream().filter(a -> a.recipientEmail().startsWith("ona.")).findFirst().orElseThrow();
        assertThat(ona.path().name()).isEqualTo("BULK");
        assertThat(ona.narrative()).isEqualTo("Made a video call");
        assertThat(ona.evidenceUrl()).isEqualTo("https://example.org/ona");
        assertThat(ona.recipientName()).isEqualTo("Ona Petraitienė");

        mvc.perform(get("/staff/badges/" + badge.id() + "/award/bulk/" + job).param("lang", "en").with(as(educatorA)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("5 of 5 rows done: awarded 2, already held 1, problems 2.")))
                .andExpect(content().string(containsString("“not-an-address” is not an e-mail address.")))
                .andExpect(content().string(containsString("A quotation mark is out of place in this row.")));
        String report = mvc.perform(get("/staff/badges/" + badge.id() + "/award/bulk/" + job + "/report.csv").param("lang", "en")
                        .with(as(educatorA)))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(report).contains("row,email,outcome,reason", "2,ona." + tag + "@example.org,Awarded,",
                "3,not-an-address,Not awarded,“not-an-address” is not an e-mail address.", "4," + holder + ",Already held,");

        // The same file again: everybody valid holds the badge now.
        BulkJobs.Job again = waitFor(upload(csv));
        assertThat(again.awardedRows()).isZero();
        assertThat(again.heldRows()).isEqualTo(3);
        assertThat(awards(badge.id())).isEqualTo(3);
    }

    @Test
    void aFileWithoutAnEmailColumnIsRefusedAtOnceAndOthersMayNotUpload() throws Exception {
        mvc.perform(multipart("/staff/badges/" + badge.id() + "/award/bulk")
                        .file(new MockMultipartFile("file", "people.csv", "text/csv", "name\nOna\n".getBytes(StandardCharsets.UTF_8)))
                        .param("lang", "en").with(as(educatorA)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The first row must name the columns, with one called email.")));
        mvc.perform(multipart("/staff/badges/" + badge.id() + "/award/bulk")
                        .file(new MockMultipartFile("file", "people.csv", "text/csv", ("email\n" + fixtures.email(learner) + "\n")
                                .getBytes(StandardCharsets.UTF_8)))
                        .with(as(editorB)).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM bulk_award_job WHERE badge_id = ?").param(badge.id()).query(Integer.class).single()).isZero();
        assertThat(awards(badge.id())).isZero();
    }

    private long upload(String csv) throws Exception {
        String location = mvc.perform(multipart("/staff/badges/" + badge.id() + "/award/bulk")
                        .file(new MockMultipartFile("file", "class.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(as(educatorA)).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private BulkJobs.Job waitFor(long job) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < until) {
            BulkJobs.Job state = jdbc.sql("SELECT status FROM bulk_award_job WHERE id = ?").param(job).query(String.class).single()
                    .equals("RUNNING") ? null : new BulkJobs(jdbc).find(job).orElseThrow();
            if (state != null) {
                return state;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the bulk award did not finish");
    }
}
