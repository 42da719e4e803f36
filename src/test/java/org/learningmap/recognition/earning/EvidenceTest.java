package org.learningmap.recognition.earning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;

/** A learner submits evidence; a reviewer asks to improve it, then approves it, which awards the badge once. */
class EvidenceTest extends EarningTestBase {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @BeforeEach
    void theBadgeAcceptsEvidence() throws Exception {
        mvc.perform(post("/staff/badges/" + badge.id() + "/award/evidence").param("accepts", "true").param("review", "ORGANISER")
                        .with(as(educatorA)).with(csrf()))
                .andExpect(flash().attribute("done", "recognition-earning.evidence.done.settings"));
    }

    @Test
    void aReviewerAsksToImproveThenApprovesAndTheBadgeIsAwardedOnce() throws Exception {
        long submission = submit(learner, "I called my grandson on video", "https://example.org/my-call", PDF, "call.pdf");
        mvc.perform(get("/account/badges/evidence/" + submission).param("lang", "en").with(as(learner)))
                .andExpect(content().string(containsString("Waiting for review")));

        mvc.perform(post("/account/badges/evidence/" + submission + "/review").param("decision", "improve").with(as(educatorA)).with(csrf()))
                .andExpect(flash().attribute("problem", EvidenceReviews.COMMENT_REQUIRED));
        mvc.perform(post("/account/badges/evidence/" + submission + "/review").param("decision", "improve")
                        .param("comment", "Please add a screenshot of the call").with(as(educatorA)).with(csrf()))
                .andExpect(flash().attribute("done", "recognition-earning.evidence.done.improve"));
        mvc.perform(get("/account/badges/evidence/" + submission).param("lang", "en").with(as(learner)))
                .andExpect(content().string(containsString("Asked to improve")))
                .andExpect(content().string(containsString("Please add a screenshot of the call")));
        assertThat(awards(badge.id())).isZero();

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
        assertThat(submit(learner, "Now with a screenshot", null, png, "screen.png")).isEqualTo(submission);
        for (int click = 0; click < 2; click++) {
            mvc.perform(post("/account/badges/evidence/" + submission + "/review").param("decision", "approve")
                            .param("comment", "Well done").with(as(educatorA)).with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(click == 0 ? flash().attribute("done", "recognition-earning.evidence.done.approved")
                            : flash().attribute("problem", EvidenceReviews.ALREADY_APPROVED));
        }
        assertThat(awards(badge.id())).isEqualTo(1);
        assertThat(path(badge.id(), learner)).isEqualTo("EVIDENCE");
        assertThat(recognition.awardsOf(learner).getFirst().narrative()).isEqualTo("Now with a screenshot");

        mvc.perform(get("/account/badges/evidence/" + submission).param("lang", "en").with(as(learner)))
                .andExpect(content().string(containsString("Approved: badge awarded")))
                .andExpect(content().string(containsString("asked to improve it")))
                .andExpect(content().string(containsString("approved it")));
        assertThat(jdbc.sql("SELECT count(*) FROM evidence_event WHERE submission_id = ?").param(submission).query(Integer.class).single())
                .isEqualTo(4);
        mvc.perform(get("/account/badges/evidence/" + submission + "/file").with(as(educatorA)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void othersCanNeitherSeeNorReviewAndABadFileIsRefused() throws Exception {
        long submission = submit(learner, "My work", null, PDF, "work.pdf");
        long stranger = fixtures.account("Stranger S");
        for (long outsider : new long[] {editorB, stranger}) {
            mvc.perform(get("/account/badges/evidence/" + submission).with(as(outsider))).andExpect(status().isForbidden());
            mvc.perform(get("/account/badges/evidence/" + submission + "/file").with(as(outsider))).andExpect(status().isForbidden());
            mvc.perform(post("/account/badges/evidence/" + submission + "/review").param("decision", "approve")
                    .with(as(outsider)).with(csrf())).andExpect(status().isForbidden());
        }
        // The learner may not approve their own evidence under organiser review.
        mvc.perform(post("/account/badges/evidence/" + submission + "/review").param("decision", "approve")
                .with(as(learner)).with(csrf())).andExpect(status().isForbidden());
        assertThat(awards(badge.id())).isZero();

        long other = fixtures.account("Other Learner");
        mvc.perform(multipart("/account/badges/evidence/badges/" + badge.id())
                        .file(new MockMultipartFile("file", "run.exe", "application/octet-stream", new byte[] {'M', 'Z', 0, 0}))
                        .with(as(other)).with(csrf()))
                .andExpect(flash().attribute("problem", EvidenceReviews.FILE_TYPE));
        mvc.perform(multipart("/account/badges/evidence/badges/" + badge.id()).param("link", "javascript:alert(1)")
                        .with(as(other)).with(csrf()))
                .andExpect(flash().attribute("problem", EvidenceReviews.LINK));
        mvc.perform(multipart("/account/badges/evidence/badges/" + badge.id()).with(as(other)).with(csrf()))
                .andExpect(flash().attribute("problem", EvidenceReviews.EMPTY));
    }

    @Test
    void underPeerReviewSomeoneHoldingTheBadgeApproves() throws Exception {
        mvc.perform(post("/staff/badges/" + badge.id() + "/award/evidence").param("accepts", "true").param("review", "PEER")
                .with(as(educatorA)).with(csrf()));
        long peer = fixtures.account("Peer P");
        recognition.award(new org.learningmap.recognition.AwardRequest(badge.id(), peer, null, null,
                org.learningmap.recognition.AwardPath.EDUCATOR, null, null, educatorA, "peer:" + peer));
        long submission = submit(learner, "My work for peers", null, null, null);
        mvc.perform(get("/account/badges/evidence").param("lang", "en").with(as(peer)))
                .andExpect(content().string(containsString("Waiting for your review")))
                .andExpect(content().string(containsString("/account/badges/evidence/" + submission)));
        mvc.perform(post("/account/badges/evidence/" + submission + "/review").param("decision", "approve")
                        .with(as(peer)).with(csrf()))
                .andExpect(flash().attribute("done", "recognition-earning.evidence.done.approved"));
        assertThat(path(badge.id(), learner)).isEqualTo("EVIDENCE");
    }

    @org.springframework.beans.factory.annotation.Autowired
    EarningPersonalData personalData;

    @Test
    void aLearnersEvidenceIsInTheirDataExportAndGoesWithTheirAccount() throws Exception {
        long submission = submit(learner, "Private story of my work", null, PDF, "work.pdf");
        assertThat(personalData.export(learner).toString()).contains("Private story of my work", "work.pdf", "SUBMITTED");
        personalData.forget(learner);
        assertThat(jdbc.sql("SELECT count(*) FROM evidence_submission WHERE id = ?").param(submission).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM evidence_event WHERE submission_id = ?").param(submission).query(Integer.class).single()).isZero();
    }

    private long submit(long who, String body, String link, byte[] file, String fileName) throws Exception {
        var request = multipart("/account/badges/evidence/badges/" + badge.id());
        if (file != null) {
            request.file(new MockMultipartFile("file", fileName, "application/octet-stream", file));
        }
        if (body != null) {
            request.param("body", body);
        }
        if (link != null) {
            request.param("link", link);
        }
        String location = mvc.perform(request.with(as(who)).with(csrf()))
                .andExpect(flash().attribute("done", "recognition-earning.evidence.done.submitted"))
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }
}
