package org.learningmap.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.HtmlUtils;

/**
 * Site coordinators edit the questions of the skills check: an edit makes a new version while a
 * result keeps the wording it asked; a preview shows the question in every language before saving;
 * a retired question is no longer asked and can come back, but never the last one a competence
 * needs; learners, organisation staff and coordinators of another site are refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class CoordinatorsEditTheQuestionsTest {

    private static final Pattern ITEM = Pattern.compile("name=\"item\" value=\"([^\"]+)\"");
    private static final String ITEMS = "/coordinator/skills-check/items/";

    @Autowired
    MockMvc mvc;
    @Autowired
    ItemBank bank;
    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor english = language("en", Locale.ENGLISH);
    RequestPostProcessor lithuanian = language("lt", Locale.forLanguageTag("lt"));

    static RequestPostProcessor language(String tag, Locale locale) {
        return request -> {
            request.addHeader("Accept-Language", tag);
            request.setPreferredLocales(List.of(locale));
            return request;
        };
    }

    CurrentAccount account(String email) {
        Set<Long> sites = Set.copyOf(jdbc.sql("SELECT site_id FROM site_role WHERE account_id = (SELECT id FROM account WHERE email = ?)")
                .param(email).query(Long.class).list());
        return jdbc.sql("SELECT id, display_name FROM account WHERE email = ?").param(email)
                .query((rs, row) -> new CurrentAccount(rs.getLong(1), email, rs.getString(2), null, true, false, false, sites))
                .single();
    }

    CurrentAccount coordinator() {
        return account("coordinator.lt@example.org");
    }

    String page(String path, RequestPostProcessor who, RequestPostProcessor language) throws Exception {
        return HtmlUtils.htmlUnescape(mvc.perform(get(path).with(who).with(language)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    /** The item's form as it stands, with the given fields changed. */
    MockHttpServletRequestBuilder edit(Item item, String action, String... changes) {
        ItemForm form = ItemForm.of(item);
        MockHttpServletRequestBuilder request = post(ITEMS + item.id()).with(csrf()).with(user(coordinator())).param("action", action);
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        form.text().forEach((l, t) -> fields.put("text." + l, t));
        form.options().forEach(o -> o.text().forEach((l, t) -> fields.put("option." + o.id() + "." + l, t)));
        fields.put("answer", form.answer());
        fields.put("band", form.band());
        fields.put("difficulty", form.difficulty());
        for (int i = 0; i + 1 < changes.length; i += 2) {
            fields.put(changes[i], changes[i + 1]);
        }
        fields.forEach(request::param);
        return request;
    }

    String takeQuickCheck() throws Exception {
        String check = mvc.perform(post("/skills-check/start").with(csrf()).with(english).param("kind", "QUICK"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String location = check;
        while (!location.endsWith("/result")) {
            String html = mvc.perform(get(location).with(english)).andReturn().getResponse().getContentAsString();
            Matcher matcher = ITEM.matcher(html);
            assertThat(matcher.find()).isTrue();
            Item item = bank.item(matcher.group(1)).orElseThrow();
            MockHttpServletRequestBuilder answer = post(check).with(csrf()).param("item", item.id());
            if (item.kind() == Item.Kind.ORDER) {
                for (int i = 0; i < item.answer().size(); i++) {
                    answer.param("position." + item.answer().get(i), String.valueOf(i + 1));
                }
            } else {
                answer.param("answer", item.objective() ? item.answer().get(0) : "2");
            }
            location = mvc.perform(answer).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        }
        return check;
    }

    @Test
    void anEditMakesANewVersionWhileAnOldResultStillShowsTheWordingItAsked() throws Exception {
        String check = takeQuickCheck();
        Item before = bank.item("1.1-s1").orElseThrow();
        String oldWording = before.text().in("en");
        assertThat(page(check + "/answers", english, english)).contains(oldWording);
        int versionsBefore = versions("1.1-s1");
        assertThat(jdbc.sql("SELECT (item_versions ->> '1.1-s1')::int FROM assessment_attempt WHERE id = ?::uuid")
                .param(check.substring(check.lastIndexOf('/') + 1)).query(Integer.class).single())
                .as("the result keeps the version asked").isEqualTo(versionsBefore);

        String newWording = "I can find what I look for on the internet, also on a small screen.";
        String saved = mvc.perform(edit(before, "save", "text.en", newWording).with(english))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        try {
            assertThat(saved).isEqualTo(ITEMS + "1.1-s1");
            assertThat(versions("1.1-s1")).isEqualTo(versionsBefore + 1);
            String itemPage = page(saved, user(coordinator()), english);
            assertThat(itemPage).contains("version " + (versionsBefore + 1)).contains(newWording);
            assertThat(page(ITEMS + "1.1-s1/versions/" + versionsBefore, user(coordinator()), english)).contains(oldWording);

            String answers = page(check + "/answers", english, english);
            assertThat(answers).as("the old result keeps the question as it was asked").contains(oldWording).doesNotContain(newWording);

            String fresh = mvc.perform(post("/skills-check/start").with(csrf()).with(english).param("kind", "QUICK"))
                    .andReturn().getResponse().getRedirectedUrl();
            assertThat(page(fresh, english, english)).as("a new check asks the new version").contains(newWording);

            mvc.perform(post(ITEMS + "1.1-s1/retirement").with(csrf()).with(user(coordinator()))).andExpect(status().is3xxRedirection());
            try {
                assertThat(page(check + "/answers", english, english)).as("a retired question stays in old results")
                        .contains(oldWording);
                String afterRetiring = mvc.perform(post("/skills-check/start").with(csrf()).with(english).param("kind", "QUICK"))
                        .andReturn().getResponse().getRedirectedUrl();
                assertThat(page(afterRetiring, english, english)).as("the other self-rating takes the retired one's place")
                        .doesNotContain(newWording).contains(bank.item("1.1-s2").orElseThrow().text().in("en"));
            } finally {
                mvc.perform(post(ITEMS + "1.1-s1/restoration").with(csrf()).with(user(coordinator()))).andExpect(status().is3xxRedirection());
            }

            String unchanged = mvc.perform(edit(bank.item("1.1-s1").orElseThrow(), "save").with(english))
                    .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("done").toString();
            assertThat(unchanged).isEqualTo("assessment.items.unchanged");
            assertThat(versions("1.1-s1")).isEqualTo(versionsBefore + 1);
        } finally {
            mvc.perform(edit(bank.item("1.1-s1").orElseThrow(), "save", "text.en", oldWording).with(english))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(bank.item("1.1-s1").orElseThrow().text().in("en")).isEqualTo(oldWording);
    }

    @Test
    void aNewCorrectAnswerDoesNotChangeTheRouteOfSomeoneAlreadyAnsweredTheOldVersion() throws Exception {
        String check = mvc.perform(post("/skills-check/start").with(csrf()).with(english).param("kind", "QUICK"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(askedNow(check)).isEqualTo("1.1-s1");
        mvc.perform(post(check).with(csrf()).param("item", "1.1-s1").param("answer", "2"));
        assertThat(askedNow(check)).isEqualTo("1.1-i");
        Item asked = bank.item("1.1-i").orElseThrow();
        mvc.perform(post(check).with(csrf()).param("item", "1.1-i").param("answer", asked.answer().get(0)));
        String otherOption = asked.options().stream().map(Item.Option::id).filter(o -> !asked.answer().contains(o)).findFirst().orElseThrow();
        mvc.perform(edit(asked, "save", "answer", otherOption).with(english)).andExpect(status().is3xxRedirection());
        try {
            assertThat(bank.item("1.1-i").orElseThrow().answer()).containsExactly(otherOption);
            assertThat(askedNow(check)).isEqualTo("1.2-i");
            mvc.perform(post(check).with(csrf()).param("item", "1.2-i").param("answer", bank.item("1.2-i").orElseThrow().answer().get(0)));
            assertThat(askedNow(check)).as("both first-stage answers were right as asked: the harder route").isEqualTo("1.2-a");
        } finally {
            mvc.perform(edit(bank.item("1.1-i").orElseThrow(), "save", "answer", asked.answer().get(0)).with(english))
                    .andExpect(status().is3xxRedirection());
        }
    }

    String askedNow(String check) throws Exception {
        Matcher matcher = ITEM.matcher(mvc.perform(get(check).with(english)).andReturn().getResponse().getContentAsString());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    @Test
    void thePreviewShowsTheQuestionInEveryLanguageAndSavesNothing() throws Exception {
        Item item = bank.item("1.1-f").orElseThrow();
        int versionsBefore = versions("1.1-f");
        String html = HtmlUtils.htmlUnescape(mvc.perform(edit(item, "preview", "text.lt", "Kaip sužinoti rytojaus orus Alytuje?",
                        "option.b.lt", "orai Alytus rytoj").with(english))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(html).contains("Preview: the question as a person sees it", "In Lithuanian",
                "Kaip sužinoti rytojaus orus Alytuje?", "orai Alytus rytoj", item.text().in("uk"), item.text().in("en"));
        assertThat(html).as("what was typed stays in the form").contains("value=\"orai Alytus rytoj\"");
        assertThat(versions("1.1-f")).isEqualTo(versionsBefore);

        Item selfRating = bank.item("1.2-s1").orElseThrow();
        String preview = HtmlUtils.htmlUnescape(mvc.perform(edit(selfRating, "preview").with(english))
                .andReturn().getResponse().getContentAsString());
        assertThat(preview).as("the scale in each language, as people see it").contains("I can do this on my own")
                .contains(new org.springframework.context.support.ResourceBundleMessageSource() {{
                    setBasenames("i18n/assessment/messages");
                    setDefaultEncoding("UTF-8");
                }}.getMessage("assessment.self.2", null, Locale.forLanguageTag("lt")));
    }

    @Test
    void mistakesAreExplainedInTheCoordinatorsLanguageAndNothingTypedIsLost() throws Exception {
        Item item = bank.item("1.1-f").orElseThrow();
        int versionsBefore = versions("1.1-f");
        String html = HtmlUtils.htmlUnescape(mvc.perform(edit(item, "save", "text.uk", " ", "text.en", "Where is the weather?",
                        "answer", "z", "difficulty", "9").with(lithuanian))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(html).contains("Patikrinkite pažymėtus laukus.", "Parašykite klausimą šia kalba.",
                "Teisingas atsakymas turi būti vienas iš variantų.", "Pasirinkite sunkumą nuo 1 iki 5.");
        assertThat(html).contains("Where is the weather?").contains(item.text().in("lt"));
        assertThat(versions("1.1-f")).isEqualTo(versionsBefore);

        Item trueFalse = bank.all().stream().filter(i -> i.kind() == Item.Kind.TRUE_FALSE).findFirst().orElseThrow();
        String trueFalsePage = HtmlUtils.htmlUnescape(mvc.perform(edit(trueFalse, "save", "answer", "maybe").with(english))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(trueFalsePage).contains("Choose whether the statement is true or false.");

        String moved = HtmlUtils.htmlUnescape(mvc.perform(edit(item, "save", "band", "ADVANCED").with(english))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(moved).contains("This is the only question of its competence in its band, so it cannot move to another band.");
        assertThat(versions("1.1-f")).isEqualTo(versionsBefore);
    }

    @Test
    void aRetiredQuestionIsNoLongerAskedAndComesBackButTheLastOneACompetenceNeedsStays() throws Exception {
        var coordinator = user(coordinator());
        mvc.perform(post(ITEMS + "2.3-s1/retirement").with(csrf()).with(coordinator)).andExpect(status().is3xxRedirection());
        try {
            assertThat(bank.item("2.3-s1")).as("not asked in new checks").isEmpty();
            assertThat(bank.item("2.3-s2")).isPresent();
            assertThat(page(ITEMS + "2.3-s1", coordinator, english)).contains("This question is retired");
            assertThat(page("/coordinator/skills-check/items?competence=2.3&status=retired", coordinator, english))
                    .contains("Questions shown: 1");

            var refused = mvc.perform(post(ITEMS + "2.3-s2/retirement").with(csrf()).with(coordinator))
                    .andExpect(status().is3xxRedirection()).andReturn();
            assertThat(refused.getFlashMap().get("problem")).isEqualTo("assessment.items.last-self");
            assertThat(bank.item("2.3-s2")).isPresent();
            String explained = HtmlUtils.htmlUnescape(mvc.perform(get(ITEMS + "2.3-s2").with(coordinator).with(lithuanian)
                            .flashAttr("problem", refused.getFlashMap().get("problem")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
            assertThat(explained).contains("Tai vienintelis šios kompetencijos savęs vertinimo teiginys");
        } finally {
            mvc.perform(post(ITEMS + "2.3-s1/restoration").with(csrf()).with(coordinator)).andExpect(status().is3xxRedirection());
        }
        assertThat(bank.item("2.3-s1")).as("asked again").isPresent();

        var lastOfBand = mvc.perform(post(ITEMS + "2.3-f/retirement").with(csrf()).with(coordinator))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(lastOfBand.getFlashMap().get("problem")).isEqualTo("assessment.items.last-of-band");
        assertThat(bank.item("2.3-f")).isPresent();
    }

    @Test
    void learnersStaffAndCoordinatorsOfAnotherSiteAreRefused() throws Exception {
        for (String email : List.of("educator@example.org", "coordinator.ua@example.org")) {
            var who = user(account(email));
            mvc.perform(get("/coordinator/skills-check/items").with(who)).andExpect(status().isForbidden());
            mvc.perform(get(ITEMS + "1.1-f").with(who)).andExpect(status().isForbidden());
            mvc.perform(post(ITEMS + "1.1-f").with(csrf()).with(who).param("action", "save").param("text.en", "x"))
                    .andExpect(status().isForbidden());
            mvc.perform(post(ITEMS + "2.3-s1/retirement").with(csrf()).with(who)).andExpect(status().isForbidden());
        }
        var learner = user(new CurrentAccount(999_999L, "learner@example.org", "Learner", null, true, false, false, Set.of()));
        mvc.perform(get("/coordinator/skills-check/items").with(learner)).andExpect(status().isForbidden());
        mvc.perform(get("/coordinator/skills-check/items")).andExpect(status().is3xxRedirection());
        mvc.perform(post(ITEMS + "2.3-s1/retirement").with(user(coordinator()))).andExpect(status().isForbidden());
        assertThat(bank.item("2.3-s1")).isPresent();

        var admin = user(new CurrentAccount(999_998L, "admin@example.org", "Admin", null, true, false, true, Set.of()));
        assertThat(page("/coordinator/skills-check/items?competence=1.1", admin, english))
                .contains("Questions of the skills check", bank.item("1.1-f").orElseThrow().text().in("en"));
        assertThat(page("/skills-check", user(coordinator()), english)).contains("/coordinator/skills-check/items");
        assertThat(page("/skills-check", english, english)).doesNotContain("/coordinator/skills-check/items");
    }

    int versions(String itemId) {
        return jdbc.sql("SELECT count(*) FROM assessment_item_version WHERE item_id = ?").param(itemId).query(Integer.class).single();
    }
}
