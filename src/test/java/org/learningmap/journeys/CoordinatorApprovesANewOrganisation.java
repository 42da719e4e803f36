package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

class CoordinatorApprovesANewOrganisation extends BrowserJourney {

    private static final String DEMO_PASSWORD = "LearningMap-demo-2026";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void aLibrarianAppliesAndTheCoordinatorApprovesSoTheLibraryBecomesPublic() {
        String librarian = SignIn.newAccount(jdbc, passwords, "Aistė Bibliotekininkė", "lt");
        SignIn.as(page, base(), librarian, SignIn.PASSWORD);

        page.locator("footer a[href='/organisations/apply']").click();
        assertThat(page.locator("h1")).hasText("Publish your activities");
        assertAccessible();

        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Send the application")).click();
        assertThat(page.locator(".notice.error")).containsText("Please check the highlighted fields.");
        assertThat(page.locator("#email-error")).hasText("Please fill in this field.");
        assertAccessible();

        page.getByLabel("Kind of organisation").selectOption("LIBRARY");
        page.locator("#name-lt").fill("Pasvalio Mariaus Katiliškio biblioteka");
        page.locator("#name-en").fill("Pasvalys Marius Katiliškis Library");
        page.locator("#description-lt").fill("Kompiuterinio raštingumo kursai senjorams ir skaitymo klubai vaikams.");
        page.getByLabel("Contact e-mail").fill("info@pasvalys-library.lt");
        page.locator("#website").fill("https://pasvalys-library.lt");
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new com.microsoft.playwright.Page.GetByRoleOptions().setName("Send the application")).click();

        assertThat(page.locator("h1")).hasText("Pasvalys Marius Katiliškis Library");
        assertThat(page.locator("main")).containsText("Your application was sent.");
        assertThat(page.locator("main")).containsText("waiting for the coordinator’s approval");
        assertAccessible();
        String organisationId = page.url().replaceAll(".*/staff/organisations/(\\d+).*", "$1");

        open("/organisations/" + organisationId);
        assertThat(page.locator("h1")).hasText("Page not found");

        useBrowser("en-GB", 1280, 900, false);
        SignIn.as(page, base(), "coordinator.lt@example.org", DEMO_PASSWORD);
        open("/staff");
        page.locator("a[href='/coordinator/organisations']").click();
        assertThat(page.locator("h1")).hasText("Applications to publish");
        Locator application = page.locator("#application-" + organisationId);
        assertThat(application).containsText("Aistė Bibliotekininkė");
        screenshot("coordinator-queue");
        assertAccessible();

        application.getByLabel("Mark as verified").check();
        application.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Approve").setExact(true)).click();
        assertThat(page.locator(".notice.success")).containsText("The organisation was approved");
        assertThat(page.locator("#application-" + organisationId)).hasCount(0);
        assertAccessible();

        page.locator("a[href='/organisations/" + organisationId + "']").click();
        assertThat(page.locator("h1")).hasText("Pasvalys Marius Katiliškis Library");
        assertThat(page.locator(".tag.verified")).containsText("Verified");
        assertThat(page.locator("main")).containsText("info@pasvalys-library.lt");
        assertAccessible();

        useBrowser("lt-LT", 1280, 900, false);
        open("/organisations/" + organisationId);
        assertThat(page.locator("h1")).hasText("Pasvalio Mariaus Katiliškio biblioteka");
        assertThat(page.locator(".tag.verified")).containsText("Patikrinta");
    }
}
