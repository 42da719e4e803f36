package org.learningmap.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Signing in as a person with an account, the way the browser's sign-in form does it: a POST of
 * the e-mail address and password with the page's CSRF token, sharing the browser's cookies.
 */
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

    static void as(Page page, String base, String email, String password) {
        page.navigate(base + "/");
        String token = page.locator("form.easy-read-switch input[name=_csrf]").getAttribute("value");
        var response = page.request().post(base + "/sign-in", RequestOptions.create()
                .setForm(FormData.create().set("username", email).set("email", email).set("password", password).set("_csrf", token))
                .setMaxRedirects(0));
        assertThat(response.status()).as("sign-in answers with a redirect").isEqualTo(302);
        assertThat(response.headers().get("location")).as("sign-in succeeded").doesNotContain("error");
    }
}
