package org.learningmap.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

/**
 * The Lithuanian site's coordinator, on a phone and in Lithuanian, finds a question of the skills
 * check, rewrites its Lithuanian wording, previews it as a person would see it in Lithuanian (and
 * English and Ukrainian), saves it and finds the new version at the top of the question's history.
 */
class CoordinatorEditsASkillsCheckQuestion extends BrowserJourney {

    static final String DEMO_PASSWORD = "LearningMap-demo-2026";
    static final String NEW_WORDING = "Norite sužinoti rytojaus orus Alytuje. Ką įrašote į paieškos laukelį?";

    @Test
    void aCoordinatorEditsAQuestionPreviewsItInLithuanianAndSavesANewVersion() {
        phone();
        SignIn.as(page, base(), "coordinator.lt@example.org", DEMO_PASSWORD);
        open("/skills-check?lang=lt");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Įgūdžių patikrinimo klausimai")).click();
        assertThat(page.locator("h1")).hasText("Įgūdžių patikrinimo klausimai");
        page.getByLabel("Kompetencija").selectOption("1.1");
        page.getByLabel("Klausimo rūšis").selectOption("CHOICE");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rodyti")).click();
        assertThat(page.locator("main")).containsText("Rodoma klausimų: 2");
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Norite sužinoti rytojaus orus savo mieste. Ką įvedate į paieškos sistemą?")).click();
        assertThat(page.locator("h1")).hasText("Redaguoti klausimą 1.1-f");
        assertFitsNarrowScreen();
        assertAccessible();
        int versionsBefore = page.locator(".item-history li").count();

        page.locator("#text-lt").fill(NEW_WORDING);
        page.locator("#option-b-lt").fill("orai Alytus rytoj");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Peržiūrėti")).click();

        Locator lithuanian = page.locator(".item-preview[lang=lt]");
        assertThat(lithuanian.locator("h3")).hasText("Lietuvių kalba");
        assertThat(lithuanian.locator(".question-text")).hasText(NEW_WORDING);
        assertThat(lithuanian.getByLabel("orai Alytus rytoj")).isVisible();
        assertThat(page.locator(".item-preview[lang=uk] .question-text")).hasText("Ви хочете дізнатися завтрашню погоду у своєму місті. Що ви введете в пошукову систему?");
        assertThat(page.locator("#text-lt")).hasValue(NEW_WORDING);
        assertThat(page.locator(".item-history li")).hasCount(versionsBefore);
        screenshot("coordinator-item-preview-phone");
        assertFitsNarrowScreen();
        assertAccessible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Išsaugoti kaip naują versiją")).click();
        int saved = versionsBefore + 1;
        assertThat(page.locator(".notice.success")).hasText("Išsaugota kaip " + saved + " versija. Nauji patikrinimai užduoda šią versiją.");
        assertThat(page.locator(".item-history li")).hasCount(saved);
        Locator newest = page.locator(".item-history li").first();
        assertThat(newest).containsText(saved + " versija");
        assertThat(newest).containsText(NEW_WORDING);
        assertFitsNarrowScreen();
        assertAccessible();

        newest.getByRole(AriaRole.LINK).click();
        assertThat(page.locator("h1").first()).hasText("Klausimas 1.1-f, " + saved + " versija");
        assertThat(page.locator(".question-text")).hasText(NEW_WORDING);
        assertFitsNarrowScreen();
        assertAccessible();
    }
}
