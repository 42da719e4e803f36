package org.learningmap.recognition.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.learningmap.recognition.Award;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.credentials.Credentials;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;

/**
 * An admissions office opens an award's verification page, downloads its baked pictures and its
 * certificate, and checks files with "Verify a badge"; a revoked award says so everywhere.
 */
class VerificationPagesTest extends VerificationTestBase {

    @Autowired
    Credentials credentials;

    @Test
    void theVerificationPageSaysWhoIssuedWhatToWhomAndThatItIsValid() throws Exception {
        Badge badge = badge("Safe online banking");
        Award award = award(badge, "Rūta Žemaitytė");

        mvc.perform(get("/credentials/{id}", award.publicId()).accept(MediaType.TEXT_HTML).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("verdict-valid")))
                .andExpect(content().string(containsString(">Valid<")))
                .andExpect(content().string(containsString("Safe online banking")))
                .andExpect(content().string(containsString("Rūta Žemaitytė")))
                .andExpect(content().string(containsString("Šiaulių biblioteka")))
                .andExpect(content().string(containsString("4.2 — Protecting personal data and privacy")))
                .andExpect(content().string(containsString("Passed:")))
                .andExpect(content().string(not(containsString("Failed:"))))
                .andExpect(content().string(containsString("/credentials/" + award.publicId() + "/certificate.pdf")));

        mvc.perform(get("/credentials/{id}", award.publicId()).accept(MediaType.TEXT_HTML).param("lang", "uk"))
                .andExpect(content().string(containsString(">Дійсний<")))
                .andExpect(content().string(containsString("Що перевірено")));
    }

    @Test
    void aRevokedAwardSaysRevokedWithTheReasonAndItsHostedAssertionIsGone() throws Exception {
        Award award = award(badge("Tablet basics"), "Jonas Jonaitis");
        mvc.perform(get("/ob2/assertions/{id}", award.publicId())).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/ld+json"))
                .andExpect(jsonPath("$.type").value("Assertion"))
                .andExpect(jsonPath("$.verification.type").value("hosted"))
                .andExpect(jsonPath("$.recipient.hashed").value(true));

        revoked(award, "Awarded to the wrong person");

        mvc.perform(get("/credentials/{id}", award.publicId()).accept(MediaType.TEXT_HTML).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("verdict-revoked")))
                .andExpect(content().string(containsString(">Revoked<")))
                .andExpect(content().string(containsString("Awarded to the wrong person")))
                .andExpect(content().string(not(containsString("certificate.pdf"))));
        mvc.perform(get("/ob2/assertions/{id}", award.publicId()))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.revoked").value(true))
                .andExpect(jsonPath("$.revocationReason").value("Awarded to the wrong person"));
        mvc.perform(get("/credentials/{id}.png", award.publicId())).andExpect(status().isGone());
    }

    @Test
    void anAwardPastItsValiditySaysExpiredOnThePageAndInItsHostedAssertion() throws Exception {
        Award award = award(badge("Online forms, last year"), "Ona Onaitė");
        jdbc.sql("UPDATE award SET issued_at = now() - interval '400 days', expires_at = now() - interval '35 days' WHERE id = ?")
                .param(award.id()).update();

        mvc.perform(get("/credentials/{id}", award.publicId()).accept(MediaType.TEXT_HTML).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("verdict-expired")))
                .andExpect(content().string(containsString(">Expired<")))
                .andExpect(content().string(containsString("Failed:")));
        mvc.perform(get("/ob2/assertions/{id}", award.publicId())).andExpect(status().isOk())
                .andExpect(jsonPath("$.expires").isNotEmpty());
    }

    @Test
    void theBadgeClassAndIssuerDocumentsDescribeTheBadge() throws Exception {
        Badge badge = badge("Video calls");
        mvc.perform(get("/ob2/badges/{id}", badge.id()).param("lang", "en")).andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("BadgeClass"))
                .andExpect(jsonPath("$.name").value("Video calls"))
                .andExpect(jsonPath("$.criteria.narrative").value("Attended four of five sessions and made a safe payment."))
                .andExpect(jsonPath("$.alignment[0].targetCode").value("4.2"))
                .andExpect(jsonPath("$.tags[0]").value("banking"))
                .andExpect(jsonPath("$.image").value(containsString("/ob2/badges/" + badge.id() + "/image.png")));
        mvc.perform(get("/ob2/badges/{id}/image.png", badge.id())).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG));
        mvc.perform(get("/ob2/issuers/{id}", library)).andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("Issuer"))
                .andExpect(jsonPath("$.name").value(containsString("Šiaulių biblioteka")))
                .andExpect(jsonPath("$.email").isNotEmpty())
                .andExpect(jsonPath("$.url").isNotEmpty());
        mvc.perform(get("/ob2/issuers/{id}", 987654321L)).andExpect(status().isNotFound());
        mvc.perform(get("/ob2/assertions/{id}", "not-a-uuid")).andExpect(status().isBadRequest());
    }

    @Test
    void theBakedPictureCarriesTheSignedCredentialByAddressAndByContentNegotiation() throws Exception {
        Award award = award(badge("Online forms"), "Olena Kovalchuk");
        String signed = credentials.signedJson(award.publicId());

        byte[] png = mvc.perform(get("/credentials/{id}.png", award.publicId())).andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.IMAGE_PNG)).andReturn().getResponse().getContentAsByteArray();
        assertThat(BakedBadges.unbakePng(png)).contains(new BakedBadges.Baked(BakedBadges.Version.OB3, signed.strip()));
        byte[] negotiated = mvc.perform(get("/credentials/{id}", award.publicId()).accept(MediaType.IMAGE_PNG))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(negotiated).isEqualTo(png);
        assertThat(javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png))).isNotNull();

        String svg = mvc.perform(get("/credentials/{id}", award.publicId()).accept(MediaType.parseMediaType("image/svg+xml")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(svg).contains("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\"", "<openbadges:credential>");
        assertThat(BakedBadges.unbakeSvg(svg).orElseThrow().version()).isEqualTo(BakedBadges.Version.OB3);

        byte[] ob2 = mvc.perform(get("/ob2/assertions/{id}.png", award.publicId())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(BakedBadges.unbakePng(ob2).orElseThrow().version()).isEqualTo(BakedBadges.Version.OB2);
    }

    @Test
    void verifyingUploadsGivesValidRevokedAndInvalidForATamperedOne() throws Exception {
        Award award = award(badge("Email basics"), "Petras Petraitis");
        byte[] png = mvc.perform(get("/credentials/{id}.png", award.publicId())).andReturn().getResponse().getContentAsByteArray();

        upload(png, "badge.png").andExpect(content().string(containsString("verdict-valid")))
                .andExpect(content().string(containsString("Email basics")));

        String signed = BakedBadges.unbakePng(png).orElseThrow().text();
        String tampered = signed.replace("Email basics", "Brain surgery");
        assertThat(tampered).isNotEqualTo(signed);
        upload(BakedBadges.bakePng(png, BakedBadges.Version.OB3, tampered), "tampered.png")
                .andExpect(content().string(containsString("verdict-invalid")))
                .andExpect(content().string(containsString("Not valid")))
                .andExpect(content().string(containsString("Failed:")));

        upload(credentials.signedJson(award.publicId()).getBytes(StandardCharsets.UTF_8), "credential.json")
                .andExpect(content().string(containsString("verdict-valid")));
        upload(credentials.jwt(award.publicId()).getBytes(StandardCharsets.UTF_8), "credential.jwt")
                .andExpect(content().string(containsString("verdict-valid")));
        byte[] svg = mvc.perform(get("/credentials/{id}.svg", award.publicId())).andReturn().getResponse().getContentAsByteArray();
        upload(svg, "badge.svg").andExpect(content().string(containsString("verdict-valid")));

        byte[] ob2svg = mvc.perform(get("/ob2/assertions/{id}.svg", award.publicId())).andReturn().getResponse().getContentAsByteArray();
        upload(ob2svg, "badge.svg").andExpect(content().string(containsString("verdict-valid")));

        revoked(award, "Exam was not taken");
        upload(png, "badge.png").andExpect(content().string(containsString("verdict-revoked")))
                .andExpect(content().string(containsString("Exam was not taken")));
        upload(ob2svg, "badge.svg").andExpect(content().string(containsString("verdict-revoked")));
    }

    @Test
    void aBrokenFileGivesAClearTranslatedReason() throws Exception {
        mvc.perform(multipart("/verify").file(new MockMultipartFile("badge", "photo.png", "image/png",
                        new byte[] {(byte) 137, 80, 78, 71, 13, 10, 26, 10, 0, 0})).param("lang", "lt").with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("verdict-unreadable")))
                .andExpect(content().string(containsString("Paveikslėlis sugadintas")));
        upload("hello".getBytes(), "notes.txt").andExpect(status().isOk())
                .andExpect(content().string(containsString("neither a badge picture")));
        mvc.perform(get("/verify").param("lang", "en")).andExpect(status().isOk()).andExpect(content().string(containsString("Verify a badge")));
    }

    @Test
    void theCertificateIsPrintedInTheLearnersLanguageWithTheirName() throws Exception {
        Award award = award(badge("Smartphone basics"), "Олена Ковальчук-Їжакевич");

        byte[] pdf = mvc.perform(get("/credentials/{id}/certificate.pdf", award.publicId()).param("lang", "uk"))
                .andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Олена Ковальчук-Їжакевич", "Сертифікат про досягнення", "Smartphone basics (uk)",
                    "/credentials/" + award.publicId(), "Protecting personal data");
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
        byte[] lithuanian = mvc.perform(get("/credentials/{id}/certificate.pdf", award.publicId()).param("lang", "lt"))
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(lithuanian)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Pasiekimo sertifikatas", "Smartphone basics (lt)");
        }
    }

    private org.springframework.test.web.servlet.ResultActions upload(byte[] bytes, String name) throws Exception {
        return mvc.perform(multipart("/verify").file(new MockMultipartFile("badge", name, "application/octet-stream", bytes))
                .param("lang", "en").with(csrf()));
    }
}
