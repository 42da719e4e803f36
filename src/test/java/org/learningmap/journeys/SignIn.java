package org.learningmap.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Signing in as a person with an account, on the sign-in page. */
final class SignIn {

    static final String PASSWORD = "Journey-password-2026";

    private SignIn() {
    }

    /** A new account with the journey password; returns its e-mail address. */
    static String newAccount(JdbcClient jdbc, PasswordEncoder passwords, String name, String language) {
        String email = "journey." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        jdbc.sql("INSERT INTO account (email, password_hash, display_name, preferred_language) VALUES (?, ?, ?, ?)")
                .params(email, passwords.encode(PASSWORD), name, language).update();
        return email;
    }

    /** Fills in and sends the sign-in form, as a person does, and checks that it worked. */
    static void as(Page page, String base, String email, String password) {
        page.navigate(base + "/sign-in");
        page.locator("input[name=username]").fill(email);
        page.locator("input[name=password]").fill(password);
        page.locator("form:has(input[name=username]) [type=submit]").click();
        page.waitForLoadState();
        assertThat(page.url()).as("signed in").doesNotContain("/sign-in");
    }
}
