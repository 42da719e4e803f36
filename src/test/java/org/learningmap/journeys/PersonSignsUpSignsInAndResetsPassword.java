package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PersonSignsUpSignsInAndResetsPassword extends BrowserJourney {

    /** The mail server the outbox delivers to in tests (the test profile's spring.mail.port). */
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private static final Pattern RESET_LINK = Pattern.compile("https?://[^/\\s]+(/\\S*password-reset/[A-Za-z0-9_-]+)");

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    private static Page.GetByLabelOptions exactly() {
        return new Page.GetByLabelOptions().setExact(true);
    }

    @Test
    void aPersonSignsUpOnAPhoneSignsInAgainAndChoosesANewPasswordByEmail() throws Exception {
        phone();
        String email = "marta-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";

        open("/sign-in?lang=en");
        page.getByRole(AriaRole.LINK, named("Create an account")).click();
        assertThat(page.locator("h1")).hasText("Create an account");
        assertAccessible();
        assertFitsNarrowScreen();

        page.getByLabel("Your name", exactly()).fill("Marta Petrenko");
        page.getByLabel("E-mail address", exactly()).fill(email);
        page.getByLabel("Password", exactly()).fill("short");
        page.getByLabel("Year of birth").fill("1991");
        page.getByLabel("Language for e-mail and pages").selectOption("uk");
        page.getByRole(AriaRole.BUTTON, named("Create my account")).click();
        assertThat(page.locator("#password-error")).hasText("The password is too short: please use at least 10 characters.");
        assertThat(page.getByLabel("Password", exactly())).hasAttribute("aria-invalid", "true");
        assertAccessible();
        assertFitsNarrowScreen();

        page.getByLabel("Password", exactly()).fill("sunflower river kite");
        page.getByRole(AriaRole.BUTTON, named("Create my account")).click();

        // Signed in, and the pages now speak the language Marta chose.
        assertThat(page.locator("h1")).hasText("Мій обліковий запис");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Вітаємо! Обліковий запис створено, ви увійшли.");
        assertThat(page.getByLabel("Ваше імʼя")).hasValue("Marta Petrenko");
        assertAccessible();
        assertFitsNarrowScreen();

        page.getByLabel("Назва нового токена").fill("Мій розклад");
        page.getByRole(AriaRole.BUTTON, named("Створити токен")).click();
        assertThat(page.locator("#new-token")).containsText("lm_");
        assertThat(page.getByRole(AriaRole.HEADING, named("Мій розклад"))).isVisible();
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByRole(AriaRole.BUTTON, named("Вийти")).click();
        open("/sign-in");
        page.getByLabel("Адреса електронної пошти").fill(email);
        page.getByLabel("Пароль", exactly()).fill("sunflower river lake");
        page.getByRole(AriaRole.BUTTON, named("Увійти")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Неправильна адреса електронної пошти або пароль.");
        assertAccessible();
        assertFitsNarrowScreen();

        page.getByRole(AriaRole.ALERT).getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Забули пароль?")).click();
        assertThat(page.locator("h1")).hasText("Забули пароль?");
        page.getByLabel("Адреса електронної пошти").fill(email);
        page.getByRole(AriaRole.BUTTON, named("Надіслати посилання")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Якщо обліковий запис із цією адресою існує");
        assertAccessible();
        assertFitsNarrowScreen();

        MimeMessage mail = awaitMailTo(email);
        assertThat(mail.getSubject()).endsWith(": виберіть новий пароль");
        Matcher link = RESET_LINK.matcher((String) mail.getContent());
        assertThat(link.find()).as("a reset link in the e-mail").isTrue();

        open(link.group(1));
        assertThat(page.locator("h1")).hasText("Виберіть новий пароль");
        assertAccessible();
        assertFitsNarrowScreen();
        page.getByLabel("Новий пароль").fill("lantern meadow harbour");
        page.getByRole(AriaRole.BUTTON, named("Зберегти новий пароль")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Новий пароль збережено.");
        page.getByLabel("Адреса електронної пошти").fill(email);
        page.getByLabel("Пароль", exactly()).fill("lantern meadow harbour");
        page.getByRole(AriaRole.BUTTON, named("Увійти")).click();
        page.getByRole(AriaRole.LINK, named("Мій обліковий запис")).click();
        assertThat(page.locator("h1")).hasText("Мій обліковий запис");
        assertThat(page.getByLabel("Ваше імʼя")).hasValue("Marta Petrenko");

        // The link worked once; opening it again says so.
        open(link.group(1));
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("Термін дії цього посилання минув або його вже використано.");
    }

    @Test
    void tooManyAttemptsFromOneNetworkAreTurnedAwayInThePersonsLanguage() {
        useBrowser("uk-UA", 360, 740, true);
        String network = "203.0.113.77";
        context.setExtraHTTPHeaders(java.util.Map.of("X-Forwarded-For", network));
        open("/sign-in");
        for (int attempt = 0; attempt < 25; attempt++) {
            page.request().post(base() + "/sign-in", RequestOptions.create()
                    .setHeader("X-Forwarded-For", network)
                    .setForm(FormData.create().set("username", "someone@example.net").set("password", "guess " + attempt)));
        }
        page.getByLabel("Адреса електронної пошти").fill("someone@example.net");
        page.getByLabel("Пароль", exactly()).fill("one more guess");
        page.getByRole(AriaRole.BUTTON, named("Увійти")).click();

        assertThat(page.locator("h1")).hasText("Забагато спроб");
        assertThat(page.locator("main")).containsText("Зачекайте хвилину і спробуйте ще раз.");
        assertAccessible();
        assertFitsNarrowScreen();
    }

    private static MimeMessage awaitMailTo(String recipient) throws Exception {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage message : SMTP.getReceivedMessages()) {
                if (Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(recipient))) {
                    return message;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no e-mail to " + recipient + " within 20 seconds");
    }
}
