package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * At the library desk, on a phone, a librarian books 30 minutes of help with e-government services
 * in Lithuanian for a visitor who has no account, just a name and a phone number; a second booking of
 * the same time is refused.
 */
class LibrarianBooksOneToOneHelpForAVisitor extends BrowserJourney {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aVisitorWithoutAnAccountGetsHelpBookedByNameAndPhone() {
        String visitor = "Aldona Kazlauskienė " + (char) ('A' + (int) (System.nanoTime() % 26));
        String phone = "+3706" + (System.nanoTime() % 9_000_000 + 1_000_000);

        phone();
        SignIn.as(page, base(), "owner@example.org", "LearningMap-demo-2026");
        open("/staff?lang=en");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Volunteers, shifts and 1:1 help")).first().click();
        assertThat(page.locator("h1")).containsText("Volunteers");
        check();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("1:1 help desk").setExact(true)).click();
        assertThat(page.locator("h1")).containsText("1:1 help desk");
        check();

        page.getByLabel("Language of the help").selectOption(new SelectOption().setLabel("Lithuanian"));
        page.getByLabel("What do you need help with?").selectOption(new SelectOption().setLabel("E-government services"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find a time").setExact(true)).click();
        Locator slots = page.locator(".network-slot");
        assertThat(slots.first()).isVisible();
        check();

        // the visitor is booked into the first free time
        Locator first = slots.first();
        String when = first.locator("h3").textContent().strip();
        first.getByLabel("Visitor’s name").fill(visitor);
        first.getByLabel("Visitor’s phone").fill(phone);
        first.getByRole(AriaRole.BUTTON).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Booked. The visitor gets a reminder the day before.");
        Locator booked = page.locator(".network-booking").filter(new Locator.FilterOptions().setHasText(visitor));
        assertThat(booked).hasCount(1);
        assertThat(booked).containsText(when);
        assertThat(booked).containsText("E-government services");
        assertThat(booked).containsText("Booked");
        check();

        // the time is gone from the free times
        page.getByLabel("Language of the help").selectOption(new SelectOption().setLabel("Lithuanian"));
        page.getByLabel("What do you need help with?").selectOption(new SelectOption().setLabel("E-government services"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find a time").setExact(true)).click();
        assertThat(page.locator(".network-slot h3").filter(new Locator.FilterOptions().setHasText(when))).hasCount(0);

        assertThat(jdbc.sql("SELECT count(*) FROM help_booking WHERE visitor_phone = ? AND status = 'BOOKED' AND person_account_id IS NULL")
                .param(phone).query(Integer.class).single()).isEqualTo(1);
    }

    private void check() {
        assertAccessible();
        assertFitsNarrowScreen();
    }
}
