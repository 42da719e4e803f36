package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * The Ukrainian site's coordinator, on a phone, sets how long personal data is kept; a typo is
 * explained in Ukrainian; visitors read the rules on the privacy page in their own language.
 */
class CoordinatorSetsHowLongPersonalDataIsKept extends BrowserJourney {

    @Test
    void theCoordinatorSetsTheRulesOnAPhoneAndVisitorsReadThemInTheirLanguage() {
        useBrowser("uk-UA", 360, 740, true);
        SignIn.as(page, base(), "coordinator.ua@example.org", "LearningMap-demo-2026");
        open("/ukraina/coordinator/organisations?lang=uk");
        page.locator("a[href='/ukraina/coordinator/privacy']").click();
        assertThat(page.locator("h1")).hasText("Як довго ми зберігаємо персональні дані");
        assertAccessible();
        assertFitsNarrowScreen();

        page.getByLabel("Видаляти облікові записи без входу та без записів через (місяців)").fill("два");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Зберегти правила")).click();
        assertThat(page.locator(".notice.error")).hasText("Будь ласка, вкажіть ціле число місяців у зазначених межах або «зберігати».");
        assertAccessible();

        page.getByLabel("Видаляти облікові записи без входу та без записів через (місяців)").fill("24");
        page.getByLabel("Видаляти облікові записи, створені на стійці й так і не перейняті, через (місяців)").fill("зберігати");
        page.getByLabel("Стирати відповіді на реєстраційні запитання та потреби доступності після завершення заняття через (місяців)").fill("3");
        page.getByLabel("Видаляти файли, надіслані як доказ для значка, після їх перевірки через (місяців)").fill("18");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Зберегти правила")).click();
        assertThat(page.locator(".notice.success")).hasText("Правила збережено.");
        assertThat(page.getByLabel("Видаляти облікові записи, створені на стійці й так і не перейняті, через (місяців)")).hasValue("зберігати");
        assertAccessible();
        assertFitsNarrowScreen();

        useBrowser("uk-UA", 360, 740, true);
        open("/ukraina/privacy?lang=uk");
        assertThat(page.locator(".retention-rules")).containsText("Обліковий запис без входу та без записів протягом 24 міс. видаляється.");
        assertThat(page.locator(".retention-rules")).containsText("зберігається, доки ви або працівники його не видалите");
        assertThat(page.locator(".retention-rules")).containsText("стираються через 3 міс. після заняття");
        assertAccessible();
        assertFitsNarrowScreen();

        open("/ukraina/privacy?lang=en");
        assertThat(page.locator(".retention-rules")).containsText("An account with no sign-in and no booking for 24 months is deleted.");
        assertThat(page.locator(".retention-rules")).containsText("removed 18 months after they were reviewed");
        open("/privacy?lang=lt");
        assertThat(page.locator(".retention-rules")).containsText("ištrinami praėjus 6 mėn. po užsiėmimo");
    }
}
