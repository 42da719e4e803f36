package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Year;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TeenagerSignsUpWithAGuardiansConsent extends BrowserJourney {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private static final Pattern CONSENT_LINK = Pattern.compile("https?://[^/\\s]+(/\\S*guardian-consent/[A-Za-z0-9_-]+)");

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void aTwelveYearOldSignsUpAndCanFillInTheirDetailsOnceTheirMotherAgreesByEmail() throws Exception {
        phone();
        String id = UUID.randomUUID().toString().substring(0, 8);
        String teen = "sofiia-" + id + "@example.net";
        String mother = "olha-" + id + "@example.net";

        open("/ukraina/sign-up?lang=en");
        page.getByLabel("Your name").fill("Sofiia");
        page.getByLabel("E-mail address").fill(teen);
        page.getByLabel("Year of birth").fill(Integer.toString(Year.now().getValue() - 12));
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("sunflower river kite");
        page.getByRole(AriaRole.BUTTON, named("Create my account")).click();

        // Below Ukraine's age of digital consent (14): nothing more is kept until a guardian agrees.
        assertThat(page.locator("h1")).hasText("Ask a parent or guardian");
        assertAccessible();
        assertFitsNarrowScreen();
        page.getByLabel("E-mail address of your parent or guardian").fill(mother);
        page.getByRole(AriaRole.BUTTON, named("Send the e-mail")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("We have sent the e-mail.");

        open("/ukraina/account/profile");
        assertThat(page.locator("main")).containsText("A parent or guardian must agree first");
        assertThat(page.getByLabel("Year of birth")).isDisabled();

        MimeMessage mail = awaitMailTo(mother);
        assertThat(mail.getSubject()).contains("Sofiia asks for your consent");
        Matcher link = CONSENT_LINK.matcher(((String) mail.getContent()).replace("\r\n", "\n"));
        assertThat(link.find()).isTrue();

        // The mother opens the link on her own phone, without an account.
        phone();
        open(link.group(1) + "?lang=en");
        assertThat(page.locator("h1")).hasText("Consent for a child");
        assertAccessible();
        assertFitsNarrowScreen();
        page.getByRole(AriaRole.BUTTON, named("I agree")).click();
        assertThat(page.locator("#guardianName-error")).hasText("Please fill in this field.");
        assertThat(page.locator("#agree-error")).hasText("Please tick the box to agree.");
        assertAccessible();
        page.getByLabel("Your full name").fill("Olha Koval");
        page.getByLabel("I am the parent or guardian of Sofiia and I agree.").check();
        page.getByRole(AriaRole.BUTTON, named("I agree")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your consent is recorded");

        // Sofiia can now fill in her details.
        phone();
        SignIn.as(page, base() + "/ukraina", teen, "sunflower river kite");
        open("/ukraina/account/profile?lang=en");
        assertThat(page.locator("main")).not().containsText("A parent or guardian must agree first");
        page.getByLabel("Second language").selectOption("en");
        page.getByRole(AriaRole.BUTTON, named("Save changes")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your changes are saved.");
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
