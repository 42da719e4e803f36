package org.learningmap.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.learningmap.shared.LocalizedText;
import org.springframework.mock.web.MockMultipartFile;

/** Staff change their organisation's badges and revoke awards; anyone sees a badge and its issuer. */
class StaffAndPublicBadgePagesTest extends RecognitionTestBase {

    @Test
    void anEditorSeesTheirBadgesAndChangesOneInThreeLanguages() throws Exception {
        Badge badge = customBadge("Safe online shopping");

        mvc.perform(get("/lietuva/staff/badges").with(user(fixtures.principal(editorA))).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Safe online shopping"), containsString("/staff/badges/" + badge.id()))));

        mvc.perform(post("/lietuva/staff/badges/" + badge.id()).with(user(fixtures.principal(editorA))).with(csrf())
                        .param("name.en", "Safe shopping online").param("name.lt", "Saugus apsipirkimas internete")
                        .param("name.uk", "Безпечні покупки онлайн").param("description.en", "Paying safely")
                        .param("criteria.en", "Bought a ticket with the educator").param("tags", "shopping, safety, shopping")
                        .param("digcomp", "4.1", "4.2").param("escoUri", "http://data.europa.eu/esco/skill/abc123-def", "")
                        .param("escoLabel", "use online banking", "").param("validityDays", "730").param("attendancePercent", "75"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/lietuva/staff/badges/" + badge.id()));

        Badge saved = recognition.badge(badge.id()).orElseThrow();
        assertThat(saved.name().in("lt")).isEqualTo("Saugus apsipirkimas internete");
        assertThat(saved.name().in("uk")).isEqualTo("Безпечні покупки онлайн");
        assertThat(saved.criteria().in("en")).isEqualTo("Bought a ticket with the educator");
        assertThat(saved.tags()).containsExactly("shopping", "safety");
        assertThat(saved.alignments()).extracting(Alignment::framework, Alignment::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("digcomp-2.2", "4.1"), org.assertj.core.groups.Tuple.tuple("digcomp-2.2", "4.2"),
                org.assertj.core.groups.Tuple.tuple("esco", "http://data.europa.eu/esco/skill/abc123-def"));
        assertThat(saved.validityDays()).isEqualTo(730);
        assertThat(saved.attendancePercent()).isEqualTo(75);

        mvc.perform(get("/lietuva/staff/badges/" + badge.id()).with(user(fixtures.principal(editorA))).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("value=\"Saugus apsipirkimas internete\""),
                        containsString("use online banking"), containsString("value=\"730\""))));
    }

    @Test
    void theBadgePageLeadsStaffWhoMayAwardToAwarding() throws Exception {
        Badge badge = customBadge("Photo backups");
        String page = "/lietuva/staff/badges/" + badge.id();
        mvc.perform(get(page).with(user(fixtures.principal(editorA))).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/lietuva/staff/badges/" + badge.id() + "/award\"")))
                .andExpect(content().string(containsString("Award this badge to people")));
        // A platform administrator who is not staff of the organisation manages the badge but cannot award it.
        long admin = fixtures.account("Platform Admin");
        jdbc.sql("UPDATE account SET platform_admin = true WHERE id = ?").param(admin).update();
        mvc.perform(get(page).with(user(fixtures.principal(admin))).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/award\""))));
    }

    @Test
    void mistakesAreExplainedInThePersonsLanguageAndNothingIsSaved() throws Exception {
        Badge badge = customBadge("Video editing");

        mvc.perform(post("/lietuva/staff/badges/" + badge.id()).with(user(fixtures.principal(editorA))).with(csrf())
                        .header("Accept-Language", "lt")
                        .param("name.en", "").param("escoUri", "https://example.org/not-esco").param("escoLabel", "x")
                        .param("validityDays", "forever").param("attendancePercent", "150"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("Įrašykite ženklelio pavadinimą bent viena kalba."),
                        containsString("ESCO įgūdžio adresas prasideda"), containsString("sveikąjį skaičių nuo 1 iki 3650"),
                        containsString("sveikąjį skaičių nuo 1 iki 100"))));

        assertThat(recognition.badge(badge.id()).orElseThrow().name().in("en")).isEqualTo("Video editing");
    }

    @Test
    void anotherOrganisationsStaffAnEducatorAndAFormWithoutTokenAreTurnedAway() throws Exception {
        Badge badge = customBadge("Budget apps");
        Award award = recognition.award(toAccount(badge.id(), learner, null)).award();

        mvc.perform(get("/lietuva/staff/badges/" + badge.id()).with(user(fixtures.principal(editorB))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/lietuva/staff/badges/" + badge.id()).with(user(fixtures.principal(educatorA))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/lietuva/staff/badges/" + badge.id()).with(user(fixtures.principal(editorB))).with(csrf())
                        .param("name.en", "Taken over"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/lietuva/staff/badges/" + badge.id() + "/awards/" + award.id() + "/revoke")
                        .with(user(fixtures.principal(editorB))).with(csrf()).param("reason", "Mine now"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/lietuva/staff/badges/" + badge.id()).with(user(fixtures.principal(editorA))).param("name.en", "No token"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/lietuva/staff/badges/" + badge.id())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/ukraina/staff/badges/" + badge.id()).with(user(fixtures.principal(editorA)))).andExpect(status().isNotFound());
        mvc.perform(get("/lietuva/staff/badges").with(user(fixtures.principal(editorB))).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Budget apps"))));

        assertThat(recognition.badge(badge.id()).orElseThrow().name().in("en")).isEqualTo("Budget apps");
        assertThat(recognition.award(award.id()).orElseThrow().revoked()).isFalse();
    }

    @Test
    void anEditorRevokesAnAwardWithAReasonFromTheBadgePage() throws Exception {
        Badge badge = customBadge("Smart home");
        Award award = recognition.award(toAccount(badge.id(), learner, null)).award();
        String page = "/lietuva/staff/badges/" + badge.id();

        mvc.perform(post(page + "/awards/" + award.id() + "/revoke").with(user(fixtures.principal(editorA))).with(csrf())
                        .param("reason", " "))
                .andExpect(status().is3xxRedirection());
        assertThat(recognition.award(award.id()).orElseThrow().revoked()).isFalse();

        mvc.perform(post(page + "/awards/" + award.id() + "/revoke").with(user(fixtures.principal(editorA))).with(csrf())
                        .param("reason", "Attended another group"))
                .andExpect(status().is3xxRedirection());
        assertThat(recognition.award(award.id()).orElseThrow().revocationReason()).isEqualTo("Attended another group");

        mvc.perform(get(page).with(user(fixtures.principal(editorA))).header("Accept-Language", "en"))
                .andExpect(content().string(allOf(containsString("Revoked"), containsString("Attended another group"))));
    }

    @Test
    void anUploadedPictureIsKeptAsASquarePngUntilReset() throws Exception {
        Badge badge = customBadge("Drawing tablets");
        byte[] generated = recognition.imagePng(badge.id()).bytes();
        BufferedImage wide = new BufferedImage(300, 100, BufferedImage.TYPE_INT_RGB);
        var g = wide.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 300, 100);
        g.dispose();
        var jpeg = new ByteArrayOutputStream();
        ImageIO.write(wide, "jpeg", jpeg);

        mvc.perform(multipart("/lietuva/staff/badges/" + badge.id() + "/image")
                        .file(new MockMultipartFile("image", "logo.jpg", "image/jpeg", jpeg.toByteArray()))
                        .with(user(fixtures.principal(editorA))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        byte[] png = mvc.perform(get("/lietuva/badges/" + badge.id() + "/image.png"))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/png"))
                .andReturn().getResponse().getContentAsByteArray();
        BufferedImage square = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(square.getWidth()).isEqualTo(300);
        assertThat(new Color(square.getRGB(150, 20), true).getAlpha()).isZero();
        assertThat(square.getHeight()).isEqualTo(300);
        assertThat(new Color(square.getRGB(150, 150)).getRed()).isGreaterThan(200);
        assertThat(recognition.imageSvg(badge.id())).contains("data:image/png;base64,");

        mvc.perform(multipart("/lietuva/staff/badges/" + badge.id() + "/image")
                        .file(new MockMultipartFile("image", "notes.txt", "image/png", "not a picture".getBytes()))
                        .with(user(fixtures.principal(editorA))).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Upload a PNG, JPEG or WebP picture.")));

        mvc.perform(post("/lietuva/staff/badges/" + badge.id() + "/image/reset").with(user(fixtures.principal(editorA))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(recognition.imagePng(badge.id()).bytes()).isEqualTo(generated);
    }

    @Test
    void anyoneSeesABadgeWithItsIssuerAndCompetencesAndTheIssuersBadges() throws Exception {
        Badge badge = recognition.createBadge(lietuva, orgA, BadgeSource.CUSTOM, null,
                LocalizedText.of("Password manager", "Slaptažodžių tvarkyklė", "Менеджер паролів"),
                LocalizedText.of("en", "Keeping passwords safe"), LocalizedText.of("en", "Set up a password manager"), List.of("passwords"),
                List.of(Recognition.digcomp("4.2", "Protecting personal data and privacy"),
                        new Alignment("esco", "http://data.europa.eu/esco/skill/xyz-123", "protect personal data", "http://data.europa.eu/esco/skill/xyz-123")),
                365);

        mvc.perform(get("/lietuva/badges/" + badge.id()).header("Accept-Language", "lt"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Slaptažodžių tvarkyklė"), containsString("Set up a password manager"),
                        containsString("/issuers/" + orgA), containsString("Badge library A"), containsString("4.2 Protecting personal data"),
                        containsString("protect personal data"), containsString("/badges/" + badge.id() + "/image.png"),
                        containsString("Apdovanojimas galioja 365 d."))));

        mvc.perform(get("/lietuva/issuers/" + orgA).accept(org.springframework.http.MediaType.TEXT_HTML).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Badge library A"), containsString("Password manager"),
                        containsString("/badges/" + badge.id()))));

        mvc.perform(get("/lietuva/badges/" + badge.id() + "/image.svg"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("<svg")));
        mvc.perform(get("/ukraina/badges/" + badge.id())).andExpect(status().isNotFound());
        mvc.perform(get("/lietuva/badges/999999999")).andExpect(status().isNotFound());
        long pending = fixtures.organisation(lietuva, "Not yet approved", "PENDING");
        mvc.perform(get("/lietuva/issuers/" + pending).accept(org.springframework.http.MediaType.TEXT_HTML)).andExpect(status().isNotFound());
    }

    @Test
    void theBadgeLinkOfAnActivityOpensItsBadge() throws Exception {
        long activity = jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, published_at)
                        VALUES (?, ?, 'CLASS', 'PUBLISHED', '{"en": "Scanning documents"}', now()) RETURNING id
                        """).params(lietuva, orgA).query(Long.class).single();

        mvc.perform(get("/lietuva/staff/activities/" + activity + "/badge").with(user(fixtures.principal(editorA))))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/lietuva/staff/badges/" + recognition.badgeOfActivity(activity).orElseThrow().id()));
        mvc.perform(get("/lietuva/staff/activities/" + activity + "/badge").with(user(fixtures.principal(editorB))))
                .andExpect(status().isForbidden());
    }
}
