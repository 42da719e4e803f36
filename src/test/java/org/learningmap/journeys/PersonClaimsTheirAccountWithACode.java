package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.accounts.AssistedAccount;
import org.learningmap.accounts.AssistedAccounts;
import org.learningmap.accounts.NewPerson;
import org.learningmap.sites.Sites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

class PersonClaimsTheirAccountWithACode extends BrowserJourney {

    @Autowired
    AssistedAccounts assisted;
    @Autowired
    Sites sites;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void aSeniorMadeAtTheLibraryDeskTakesOverTheAccountWithTheCodeOnTheirCard() {
        String librarian = SignIn.newAccount(jdbc, passwords, "Librarian", "lt");
        long librarianId = jdbc.sql("SELECT id FROM account WHERE email = ?").param(librarian).query(Long.class).single();
        long lietuva = sites.bySlug("lietuva").orElseThrow().id();
        AssistedAccount card = assisted.create(librarianId, lietuva, new NewPerson("Aldona Petrauskienė", 1949, "lt", null));
        String mobile = "86" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));

        phone();
        open("/sign-up?lang=lt");
        page.getByRole(AriaRole.LINK, named("Perimkite savo paskyrą")).click();
        assertThat(page.locator("h1")).hasText("Perimkite savo paskyrą");
        assertAccessible();
        assertFitsNarrowScreen();

        page.getByLabel("Kodas iš kortelės").fill("WRONG-CODE");
        page.getByLabel("Telefono numeris").fill(mobile);
        page.getByLabel("Slaptažodis", new Page.GetByLabelOptions().setExact(true)).fill("geltona saulė virš ežero");
        page.getByRole(AriaRole.BUTTON, named("Perimti paskyrą")).click();
        assertThat(page.locator("#code-error")).containsText("Šis kodas neteisingas");
        assertAccessible();

        // Typed as it is read from the card, in small letters and with a space.
        page.getByLabel("Kodas iš kortelės").fill(card.claimCode().code().toLowerCase().replace("-", " "));
        page.getByLabel("Slaptažodis", new Page.GetByLabelOptions().setExact(true)).fill("geltona saulė virš ežero");
        page.getByRole(AriaRole.BUTTON, named("Perimti paskyrą")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Dabar paskyra jūsų.");
        assertAccessible();
        assertFitsNarrowScreen();

        // Later, on another phone, she signs in with the number she added.
        phone();
        SignIn.as(page, base(), "8 " + mobile.substring(1), "geltona saulė virš ežero");
        open("/account/profile?lang=lt");
        assertThat(page.getByLabel("Jūsų vardas")).hasValue("Aldona Petrauskienė");
        assertThat(page.getByLabel("Telefono numeris")).hasValue("+370" + mobile.substring(1));
    }
}
