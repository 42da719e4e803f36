package org.learningmap.sites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class SiteAdministrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private final CurrentAccount admin = new CurrentAccount(1L, "admin@example.org", "Admin", null, true, false, true, Set.of());

    private long site(String slug) {
        return jdbc.sql("SELECT id FROM site WHERE slug = ?").param(slug).query(Long.class).single();
    }

    private CurrentAccount coordinatorOf(long siteId) {
        String email = "coordinator." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long id = jdbc.sql("INSERT INTO account (email, display_name) VALUES (?, 'Rasa') RETURNING id").param(email)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO site_role (account_id, site_id, role) VALUES (?, ?, 'COORDINATOR')").params(id, siteId).update();
        return new CurrentAccount(id, email, "Rasa", null, true, false, false, Set.of(siteId));
    }

    private static MockHttpServletRequestBuilder newSite(String slug) {
        return settings("/admin/sites", slug);
    }

    private static MockHttpServletRequestBuilder settings(String path, String slug) {
        return post(path).with(csrf())
                .param("name[en]", "Kaunas region").param("name[lt]", "Kauno regionas")
                .param("slug", slug).param("country", "lt").param("languages", "lt", "en").param("defaultLanguage", "lt")
                .param("timeZone", "Europe/Vilnius").param("primaryColour", "#14532D").param("accentColour", "#7c2d12")
                .param("requiresModeration", "true").param("centreLat", "54.9").param("centreLon", "23.9").param("zoom", "9");
    }

    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(20, 83, 45, 200));
        g.fillOval(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    @Test
    void onlyAPlatformAdministratorReachesTheSitePages() throws Exception {
        CurrentAccount coordinator = coordinatorOf(site("lietuva"));
        mvc.perform(get("/admin/sites").with(user(coordinator))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/sites/new").with(user(coordinator))).andExpect(status().isForbidden());
        mvc.perform(newSite("sneaky-" + UUID.randomUUID().toString().substring(0, 6)).with(user(coordinator)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/sites")).andExpect(status().is3xxRedirection());
        mvc.perform(newSite("no-csrf").with(user(admin)).with(csrf().useInvalidToken())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/sites").with(user(admin)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/lietuva/")))
                .andExpect(content().string(containsString("href=\"/admin/sites/new\"")));
    }

    @Test
    void aNewSiteAnswersAtItsAddressAtOnceWithItsNameColoursAndLanguages() throws Exception {
        String slug = "kaunas-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(newSite(slug).with(user(admin)))
                .andExpect(redirectedUrlPattern("/admin/sites/*"))
                .andExpect(flash().attribute("done", "site-admin.created"));
        var stored = jdbc.sql("SELECT country, languages::text, primary_colour, requires_moderation, default_zoom FROM site WHERE slug = ?")
                .param(slug).query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " "
                        + rs.getBoolean(4) + " " + rs.getInt(5)).single();
        assertThat(stored).isEqualTo("LT {lt,en} #14532d true 9");

        mvc.perform(get("/" + slug + "/").header("Accept-Language", "lt"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kauno regionas")))
                .andExpect(content().string(containsString("href=\"/" + slug + "/site/theme.css?v=")))
                .andExpect(content().string(not(containsString("lang=\"uk\" hreflang=\"uk\""))));
        mvc.perform(get("/" + slug + "/site/theme.css"))
                .andExpect(content().string(containsString("--primary:#14532d")))
                .andExpect(content().string(containsString("--accent:#7c2d12")));
    }

    @Test
    void badSettingsAreRefusedFieldByFieldInThePersonsLanguageKeepingWhatWasTyped() throws Exception {
        mvc.perform(post("/admin/sites").with(csrf()).with(user(admin)).header("Accept-Language", "en")
                        .param("name[en]", "Mars colony").param("slug", "admin").param("country", "Lithuania")
                        .param("languages", "en").param("defaultLanguage", "uk").param("timeZone", "Mars/Olympus")
                        .param("primaryColour", "#ffff00").param("accentColour", "blue")
                        .param("centreLat", "91").param("centreLon", "abc").param("zoom", "30"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please check the highlighted fields.")))
                .andExpect(content().string(containsString("The address &quot;admin&quot; is used by the application itself")))
                .andExpect(content().string(containsString("Please enter a two-letter country code")))
                .andExpect(content().string(containsString("The default language must be one of the site&#39;s languages.")))
                .andExpect(content().string(containsString("This is not a known time zone")))
                .andExpect(content().string(containsString("White text on this colour is hard to read (contrast 1.1:1")))
                .andExpect(content().string(containsString("Please enter a colour as # and six hexadecimal digits")))
                .andExpect(content().string(containsString("Please enter a number from -90 to 90.")))
                .andExpect(content().string(containsString("Please enter a number from 1 to 18.")))
                .andExpect(content().string(containsString("value=\"Mars colony\"")))
                .andExpect(content().string(containsString("value=\"Mars/Olympus\"")))
                .andExpect(content().string(containsString("value=\"#ffff00\"")))
                .andExpect(content().string(containsString("id=\"timeZone-error\"")));
        assertThat(jdbc.sql("SELECT count(*) FROM site WHERE name ->> 'en' = 'Mars colony'").query(Long.class).single()).isZero();

        mvc.perform(post("/admin/sites").with(csrf()).with(user(admin)).header("Accept-Language", "lt")
                        .param("slug", "Bad Slug!").param("primaryColour", "#eeeeee"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Naudokite tik mažąsias raides")))
                .andExpect(content().string(containsString("Baltą tekstą ant šios spalvos sunku perskaityti")))
                .andExpect(content().string(containsString("Pasirinkite bent vieną kalbą.")));

        mvc.perform(newSite("lietuva").with(user(admin)).header("Accept-Language", "uk"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Цю адресу вже використовує інший сайт.")));
    }

    @Test
    void editingASiteChangesWhatVisitorsSeeAtOnce() throws Exception {
        String slug = "edit-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(newSite(slug).with(user(admin))).andExpect(status().is3xxRedirection());
        long id = site(slug);
        mvc.perform(get("/admin/sites/" + id).with(user(admin)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Kaunas region\"")))
                .andExpect(content().string(containsString("href=\"/coordinator/sites/" + id + "/areas\"")))
                .andExpect(content().string(containsString("href=\"/coordinator/sites/" + id + "/topics\"")));
        mvc.perform(settings("/admin/sites/" + id, slug + "-new").with(user(admin)).param("name[lt]", "Kauno kraštas"))
                .andExpect(redirectedUrl("/admin/sites/" + id));
        mvc.perform(get("/" + slug + "-new/").header("Accept-Language", "lt"))
                .andExpect(content().string(containsString("Kauno kraštas")));
    }

    @Test
    void theLogoIsCheckedShrunkStoredAndServedWithCacheHeaders() throws Exception {
        String slug = "logo-" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(newSite(slug).with(user(admin))).andExpect(status().is3xxRedirection());
        long id = site(slug);

        mvc.perform(multipart("/admin/sites/" + id + "/logo")
                        .file(new MockMultipartFile("logo", "logo.png", "image/png", "<svg onload=alert(1)/>".getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(user(admin)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please upload a PNG, JPEG or WebP picture.")));
        mvc.perform(multipart("/admin/sites/" + id + "/logo")
                        .file(new MockMultipartFile("logo", "logo.png", "image/png", new byte[LogoImage.MAX_BYTES + 1]))
                        .with(csrf()).with(user(admin)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The picture is too large; at most 1 MB is accepted.")));

        mvc.perform(multipart("/admin/sites/" + id + "/logo")
                        .file(new MockMultipartFile("logo", "whatever.bin", "application/octet-stream", png(2000, 600)))
                        .with(csrf()).with(user(admin)))
                .andExpect(redirectedUrl("/admin/sites/" + id))
                .andExpect(flash().attribute("done", "site-admin.logo-saved"));
        long version = jdbc.sql("SELECT (extract(epoch FROM updated_at) * 1000)::bigint FROM site_logo WHERE site_id = ?")
                .param(id).query(Long.class).single();

        String home = mvc.perform(get("/" + slug + "/")).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("src=\"/" + slug + "/site/logo/" + id + "?v=" + version + "\"");
        byte[] served = mvc.perform(get("/site/logo/" + id).param("v", Long.toString(version)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/png"))
                .andExpect(header().string("Cache-Control", containsString("max-age=31536000")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
        BufferedImage logo = ImageIO.read(new ByteArrayInputStream(served));
        assertThat(logo.getWidth()).isEqualTo(512);
        assertThat(logo.getHeight()).isEqualTo(154);

        CurrentAccount coordinator = coordinatorOf(id);
        mvc.perform(post("/admin/sites/" + id + "/logo/removal").with(csrf()).with(user(coordinator)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/sites/" + id + "/logo/removal").with(csrf()).with(user(admin)))
                .andExpect(redirectedUrl("/admin/sites/" + id));
        mvc.perform(get("/site/logo/" + id)).andExpect(status().isNotFound());
    }

    @Test
    void aCoordinatorKeepsTheAreasOfTheirOwnSiteOnly() throws Exception {
        long lithuania = site("lietuva");
        long ukraine = site("ukraina");
        CurrentAccount coordinator = coordinatorOf(lithuania);

        mvc.perform(get("/coordinator/sites/" + ukraine + "/areas").with(user(coordinator))).andExpect(status().isForbidden());
        mvc.perform(post("/coordinator/sites/" + ukraine + "/areas").with(csrf()).with(user(coordinator))
                        .param("code", "UA-99").param("name[uk]", "Нова").param("population", "5"))
                .andExpect(status().isForbidden());
        long ukrainianArea = jdbc.sql("SELECT id FROM area WHERE site_id = ? LIMIT 1").param(ukraine).query(Long.class).single();
        mvc.perform(post("/coordinator/sites/" + lithuania + "/areas/" + ukrainianArea).with(csrf()).with(user(coordinator))
                        .param("code", "X").param("name[en]", "Taken").param("population", "1"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/coordinator/sites/" + ukraine + "/areas/" + ukrainianArea + "/removal").with(csrf()).with(user(coordinator)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM area WHERE id = ?").param(ukrainianArea).query(Long.class).single()).isOne();

        String code = "LT-T" + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        mvc.perform(post("/coordinator/sites/" + lithuania + "/areas").with(csrf()).with(user(coordinator))
                        .header("Accept-Language", "en").param("code", "").param("name[lt]", "Trakų r.").param("population", "-3")
                        .param("centreLat", "54.6"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please enter the population as a whole number of 0 or more.")))
                .andExpect(content().string(containsString("Please fill in both latitude and longitude, or neither.")))
                .andExpect(content().string(containsString("value=\"Trakų r.\"")));
        mvc.perform(post("/coordinator/sites/" + lithuania + "/areas").with(csrf()).with(user(coordinator))
                        .param("code", code).param("name[lt]", "Trakų r.").param("name[en]", "Trakai district")
                        .param("population", "31 000").param("centreLat", "54.64").param("centreLon", "24.93"))
                .andExpect(redirectedUrl("/coordinator/sites/" + lithuania + "/areas"));
        long area = jdbc.sql("SELECT id FROM area WHERE site_id = ? AND code = ?").params(lithuania, code).query(Long.class).single();
        mvc.perform(get("/coordinator/sites/" + lithuania + "/areas").with(user(coordinator)).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Trakai district")))
                .andExpect(content().string(containsString("31,000")));
        mvc.perform(post("/coordinator/sites/" + lithuania + "/areas/" + area + "/removal").with(csrf()).with(user(coordinator)))
                .andExpect(flash().attribute("done", "site-admin.area.removed"));

        long used = jdbc.sql("SELECT area_id FROM venue WHERE site_id = ? AND area_id IS NOT NULL LIMIT 1").param(lithuania)
                .query(Long.class).single();
        mvc.perform(post("/coordinator/sites/" + lithuania + "/areas/" + used + "/removal").with(csrf()).with(user(coordinator)))
                .andExpect(flash().attribute("problem", "site-admin.area.in-use"));
        assertThat(jdbc.sql("SELECT count(*) FROM area WHERE id = ?").param(used).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM place_name WHERE area_id = ?").param(used).query(Long.class).single())
                .as("the gazetteer keeps its areas when removal is refused").isPositive();
    }

    @Test
    void whiteTextNeedsAContrastOfAtLeastFourAndAHalf() {
        assertThat(SiteColours.contrastWithWhite("#000000")).isEqualTo(21.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(SiteColours.contrastWithWhite("#1d4ed8")).isGreaterThan(4.5);
        assertThat(SiteColours.contrastWithWhite("#767676")).isGreaterThan(4.5);
        assertThat(SiteColours.contrastWithWhite("#777777")).isLessThan(4.5);
        assertThat(SiteColours.contrastWithWhite("#ffff00")).isLessThan(1.1);
    }
}
