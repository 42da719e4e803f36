package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AdministratorCreatesASite extends BrowserJourney {

    private static final String DEMO_PASSWORD = "LearningMap-demo-2026";

    private static Path logoFile() throws Exception {
        BufferedImage image = new BufferedImage(1200, 400, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1200, 400);
        g.setColor(new Color(0x14, 0x53, 0x2d));
        g.fillOval(20, 20, 360, 360);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 120));
        g.drawString("Kaunas", 420, 250);
        g.dispose();
        Path file = Files.createTempFile("site-logo", ".png");
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private void press(String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    @Test
    void theAdministratorCreatesASiteWithTwoLanguagesColoursALogoAnAreaAndATopic() throws Exception {
        String slug = "kaunas-" + UUID.randomUUID().toString().substring(0, 6);
        SignIn.as(page, base(), "admin@example.org", DEMO_PASSWORD);

        page.locator("header a[href='/admin/sites']").click();
        assertThat(page.locator("h1")).hasText("Sites");
        assertAccessible();
        page.locator("a[href='/admin/sites/new']").click();
        assertThat(page.locator("h1")).hasText("Create a site");

        page.locator("#name-en").fill("Kaunas region");
        page.locator("#name-lt").fill("Kauno regionas");
        page.getByLabel("Address (path)").fill(slug);
        page.getByLabel("Country code").fill("LT");
        page.locator("#language-en").check();
        page.locator("#language-lt").check();
        page.locator("#language-uk").uncheck();
        page.getByLabel("Default language").selectOption("lt");
        page.getByLabel("Time zone").fill("Europe/Vilnius");
        page.getByLabel("Primary colour").fill("#ffee00");
        page.getByLabel("Accent colour").fill("#7c2d12");
        page.getByLabel("Latitude").fill("54.9");
        page.getByLabel("Longitude").fill("23.9");
        page.getByLabel("Zoom level").fill("9");
        press("Create the site");

        assertThat(page.locator(".notice.error")).containsText("Please check the highlighted fields.");
        assertThat(page.locator("#primaryColour-error")).containsText("White text on this colour is hard to read");
        assertThat(page.locator("#name-lt")).hasValue("Kauno regionas");
        assertThat(page.getByLabel("Address (path)")).hasValue(slug);
        assertAccessible();

        page.getByLabel("Primary colour").fill("#14532d");
        press("Create the site");
        assertThat(page.locator(".notice.success")).containsText("The site was created.");
        assertThat(page.locator("h1")).hasText("Settings of Kaunas region");
        String siteId = page.url().replaceAll(".*/admin/sites/(\\d+).*", "$1");

        page.getByLabel("Logo file").setInputFiles(logoFile());
        press("Upload the logo");
        assertThat(page.locator(".notice.success")).containsText("The logo was saved.");
        assertThat(page.locator("img.site-logo-preview")).isVisible();
        assertAccessible();

        page.locator("a[href='/coordinator/sites/" + siteId + "/areas']").first().click();
        assertThat(page.locator("h1")).hasText("Areas of Kaunas region");
        page.getByLabel("Code").fill("LT-KA");
        page.locator("#name-en").fill("Kaunas district");
        page.locator("#name-lt").fill("Kauno rajonas");
        page.getByLabel("Population").fill("95000");
        press("Add an area");
        assertThat(page.locator(".notice.success")).containsText("The area was added.");
        assertThat(page.locator("table.area-list")).containsText("Kaunas district");
        assertAccessible();

        page.locator("a[href='/coordinator/sites/" + siteId + "/topics']").first().click();
        assertThat(page.locator("h1")).hasText("Topics of Kaunas region");
        page.locator("#name-en").fill("Digital skills");
        page.locator("#name-lt").fill("Skaitmeniniai įgūdžiai");
        press("Add a topic");
        assertThat(page.locator(".notice.success")).containsText("The topic was added.");
        assertThat(page.locator(".topic-list")).containsText("Digital skills");
        assertAccessible();

        useBrowser("lt-LT", 1280, 900, false);
        open("/" + slug + "/");
        Locator brand = page.locator("header .brand");
        assertThat(brand).containsText("Kauno regionas");
        Locator logo = brand.locator("img.site-logo");
        assertThat(logo).isVisible();
        Object width = logo.evaluate("img => img.naturalWidth");
        assertThat(((Number) width).intValue()).isEqualTo(512);
        assertThat(page.locator("nav.languages a[hreflang='uk']")).hasCount(0);
        Object primary = page.evaluate("() => getComputedStyle(document.documentElement).getPropertyValue('--primary').trim()");
        assertThat(primary).isEqualTo("#14532d");
        screenshot("new-site-home");
        assertAccessible();
    }

    @Test
    void theSiteSettingsFitAPhone() {
        phone();
        SignIn.as(page, base(), "admin@example.org", DEMO_PASSWORD);
        open("/admin/sites");
        page.locator("table.site-list a").first().click();
        assertThat(page.locator("h1")).containsText("Settings of");
        assertFitsNarrowScreen();
        assertAccessible();
        screenshot("site-settings-phone");
        open("/admin/sites/new");
        assertFitsNarrowScreen();
        assertAccessible();
        page.locator("a[href='/admin/sites']").first().click();
        page.locator("table.site-list a").first().click();
        page.locator(".site-admin-links a", new Page.LocatorOptions().setHasText("Areas")).click();
        assertThat(page.locator("table.area-list")).isVisible();
        assertFitsNarrowScreen();
        assertAccessible();
        page.locator(".site-admin a", new Page.LocatorOptions().setHasText("Topics")).first().click();
        assertThat(page.locator(".topic-list")).isVisible();
        assertFitsNarrowScreen();
        assertAccessible();
    }
}
