package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.Accounts;
import org.learningmap.accounts.ConsentMethod;
import org.learningmap.accounts.ConsentPurpose;
import org.learningmap.accounts.Consents;
import org.learningmap.accounts.NewConsent;
import org.learningmap.sites.Sites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

class LearnerExportsAndDeletesTheirData extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    Accounts accounts;
    @Autowired
    Consents consents;
    @Autowired
    Sites sites;

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void aLearnerSeesEverythingKeptAboutThemTakesACopyAndDeletesTheAccount() {
        String email = SignIn.newAccount(jdbc, passwords, "Dmytro Shevchenko", "en");
        long id = accounts.byEmail(email).orElseThrow().id();
        consents.record(new NewConsent(id, sites.bySlug("ukraina").orElseThrow().id(), ConsentPurpose.REMINDERS,
                ConsentMethod.PAPER, null, null, null, id));

        phone();
        SignIn.as(page, base(), email, SignIn.PASSWORD);
        open("/account?lang=en");
        page.getByRole(AriaRole.LINK, named("My data and privacy")).click();
        assertThat(page.locator("h1")).hasText("My data and privacy");
        assertAccessible();
        assertFitsNarrowScreen();

        page.getByRole(AriaRole.LINK, named("See it as a page you can print")).click();
        assertThat(page.locator("h1")).hasText("Everything we keep about you");
        assertThat(page.locator("main")).containsText("Dmytro Shevchenko");
        assertThat(page.locator("main")).containsText(email);
        assertThat(page.locator("main")).containsText("Reminders and news");
        assertThat(page.locator("main")).containsText("On paper");
        assertAccessible();
        assertFitsNarrowScreen();

        APIResponse json = page.request().get(base() + "/account/privacy/export.json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.headers().get("content-disposition")).contains("my-data.json");
        assertThat(json.text()).contains("\"displayName\" : \"Dmytro Shevchenko\"", email, "REMINDERS");

        page.getByRole(AriaRole.LINK, named("Back to my data")).click();
        page.getByLabel("Type your password to confirm").fill("not my password");
        page.getByRole(AriaRole.BUTTON, named("Delete my account")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("This is not right, so nothing was deleted.");
        assertAccessible();

        page.getByLabel("Type your password to confirm").fill(SignIn.PASSWORD);
        page.getByRole(AriaRole.BUTTON, named("Delete my account")).click();
        assertThat(page.locator("h1")).hasText("Your account is deleted");
        assertAccessible();
        assertFitsNarrowScreen();
        assertThat(accounts.byId(id)).isEmpty();
        assertThat(consents.list(id)).isEmpty();

        open("/sign-in");
        page.locator("input[name=username]").fill(email);
        page.locator("input[name=password]").fill(SignIn.PASSWORD);
        page.locator("form:has(input[name=username]) [type=submit]").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("The e-mail address or the password is not right.");
    }
}
