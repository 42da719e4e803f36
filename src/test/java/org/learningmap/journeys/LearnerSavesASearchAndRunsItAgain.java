package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A signed-in learner keeps a search under a name, finds it in their list, runs it again and deletes it. */
class LearnerSavesASearchAndRunsItAgain extends BrowserJourney {

    static final String EMAIL = "saver@example.org";
    static final String PASSWORD = "Saved-searches-2026";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    @BeforeAll
    void learner() {
        jdbc.sql("INSERT INTO account (email, password_hash, display_name) VALUES (?, ?, 'Saulė') ON CONFLICT DO NOTHING")
                .params(EMAIL, passwords.encode(PASSWORD)).update();
    }

    /** Signs in through the form login endpoint, with the CSRF token every page carries. */
    private void signIn() {
        open("/?lang=en");
        String token = page.locator(".easy-read-switch input[name=_csrf]").inputValue();
        APIResponse response = page.request().post(base() + "/sign-in", RequestOptions.create()
                .setForm(FormData.create().set("username", EMAIL).set("email", EMAIL).set("password", PASSWORD)
                        .set("_csrf", token))
                .setMaxRedirects(0));
        assertThat(response.status()).isEqualTo(302);
        assertThat(response.headers().get("location")).doesNotContain("error");
    }

    @Test
    void learnerSavesASearchFindsItInTheListRunsItAndDeletesIt() {
        signIn();
        open("/search?lang=en&q=knitting&audience=SENIORS&language=lt");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Save this search")).click();
        assertThat(page.locator("h1")).hasText("Save this search");
        assertThat(page.getByLabel("Name")).hasValue("knitting");
        assertAccessible();

        page.getByLabel("Name").fill("");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator(".field-error")).hasText("Please fill in this field.");
        assertAccessible();

        page.getByLabel("Name").fill("Knitting for Grandma");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
        assertThat(page.locator("h1")).hasText("Saved searches");
        assertThat(page.locator("[role=status]")).hasText("Your search was saved.");
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Knitting for Grandma")).click();
        assertThat(page.locator("#q")).hasValue("knitting");
        assertThat(page).hasURL(Pattern.compile("audience=SENIORS"));
        assertThat(page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName(Pattern.compile("^Seniors"))))
                .isChecked();

        phone();
        signIn();
        open("/saved-searches");
        assertFitsNarrowScreen();
        assertAccessible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete the saved search Knitting for Grandma")).click();
        assertThat(page.locator("[role=status]")).hasText("The saved search was deleted.");
        assertThat(page.getByText("Knitting for Grandma")).hasCount(0);
        open("/saved-searches/new?query=q%3Dknitting");
        assertFitsNarrowScreen();
    }
}
