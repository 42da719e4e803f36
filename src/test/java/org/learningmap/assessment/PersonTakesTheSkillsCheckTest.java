package org.learningmap.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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

/** A person takes the check page by page, without JavaScript, and sees a result they can come back to. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@org.springframework.test.context.event.RecordApplicationEvents
class PersonTakesTheSkillsCheckTest {

    @Autowired
    org.springframework.test.context.event.ApplicationEvents events;

    private static final Pattern ITEM = Pattern.compile("name=\"item\" value=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    ItemBank bank;
    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor english = request -> {
        request.addHeader("Accept-Language", "en");
        request.setPreferredLocales(List.of(java.util.Locale.ENGLISH));
        return request;
    };
    RequestPostProcessor anonymous = english;

    String startCheck(RequestPostProcessor who, String... params) throws Exception {
        var request = post("/skills-check/start").with(csrf()).with(who).with(english).param("kind", "QUICK");
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        String location = mvc.perform(request).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).matches("/skills-check/[0-9a-f-]{36}");
        return location;
    }

    /** Answers every question shown, as the person would; returns where the last answer led. */
    String answerAll(String check, RequestPostProcessor who, Function<Item, List<String>> person) throws Exception {
        String location = check;
        int pages = 0;
        while (!location.endsWith("/result")) {
            String html = mvc.perform(get(location).with(who).with(english)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).contains("Question " + (pages + 1) + " of 25");
            Matcher matcher = ITEM.matcher(html);
            assertThat(matcher.find()).isTrue();
            Item item = bank.item(matcher.group(1)).orElseThrow();
            MockHttpServletRequestBuilder answer = post(check).with(csrf()).with(who).param("item", item.id());
            List<String> response = person.apply(item);
            if (item.kind() == Item.Kind.ORDER) {
                for (int i = 0; i < response.size(); i++) {
                    answer.param("position." + response.get(i), String.valueOf(i + 1));
                }
            } else {
                answer.param("answer", response.get(0));
            }
            location = mvc.perform(answer).andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
            pages++;
        }
        assertThat(pages).isEqualTo(25);
        return location;
    }

    @Test
    void anAnonymousPersonAnswersTwentyFiveQuestionsAndSeesTheirLevelsAndClassesNearVilnius() throws Exception {
        String check = startCheck(anonymous);
        // Safety (area 4) answered wrongly, everything else right: safety is what to learn next.
        String result = answerAll(check, anonymous, item -> item.competence().startsWith("4.")
                ? QuickCheckRoutingAndScoringTest.wrong(item) : item.objective() ? item.answer() : List.of("2"));
        assertThat(result).isEqualTo(check + "/result");

        String html = mvc.perform(get(result).param("town", "Vilnius").param("taught", "lt").with(english))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Your level in each area").contains("<svg").contains("role=\"img\"")
                .contains("Level and band in each area").contains("Foundation").contains("You could learn most in: 4.")
                .contains("Classes near Vilnius").contains("weighted-75-25-v1");
        assertThat(html).containsPattern("Develops DigComp [^<]*4\\.");
        Integer stored = jdbc.sql("SELECT (result -> 'areas' -> '4' ->> 'level')::int FROM assessment_attempt WHERE id = ?")
                .param(UUID.fromString(check.substring(check.lastIndexOf('/') + 1))).query(Integer.class).single();
        assertThat(stored).isEqualTo(1);
        var pdf = mvc.perform(get(result + ".pdf").with(english)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(new String(pdf.getContentAsByteArray(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String pdfText = new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(pdf.getContentAsByteArray()))
                .getTextFromPage(1);
        assertThat(pdfText).contains("Your digital skills").contains("Foundation");
        var ukrainianPdf = mvc.perform(get(result + ".pdf").header("Accept-Language", "uk")).andReturn().getResponse().getContentAsByteArray();
        assertThat(new com.lowagie.text.pdf.parser.PdfTextExtractor(new com.lowagie.text.pdf.PdfReader(ukrainianPdf)).getTextFromPage(1))
                .contains("Ваші цифрові навички");
        List<SkillsBandReached> reached = events.stream(SkillsBandReached.class).toList();
        assertThat(reached).hasSize(5).allMatch(e -> e.accountId() == null && e.framework().equals("digcomp-2.2"));
        assertThat(reached).filteredOn(e -> e.area().equals("4")).singleElement()
                .satisfies(e -> assertThat(e.band()).isEqualTo(Band.FOUNDATION));
        assertThat(reached).filteredOn(e -> e.area().equals("1")).singleElement()
                .satisfies(e -> assertThat(e.band()).isNotEqualTo(Band.FOUNDATION));
    }

    @Test
    void aWrongAnswerFormIsExplainedAndNothingIsSaved() throws Exception {
        String check = startCheck(anonymous);
        String html = mvc.perform(get(check)).andReturn().getResponse().getContentAsString();
        Matcher matcher = ITEM.matcher(html);
        assertThat(matcher.find()).isTrue();
        mvc.perform(post(check).with(csrf()).param("item", matcher.group(1)).header("Accept-Language", "lt"))
                .andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("Pasirinkite atsakymą, kad galėtumėte tęsti."));
        mvc.perform(post(check).with(csrf()).with(english).param("item", matcher.group(1)).param("answer", "7"))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("Choose an answer to go on."));
    }

    @Test
    void anAnonymousPersonComesBackWithTheirCode() throws Exception {
        String check = startCheck(anonymous);
        String html = mvc.perform(get(check)).andReturn().getResponse().getContentAsString();
        Matcher code = Pattern.compile("class=\"resume-code\">([A-Z0-9-]{9})<").matcher(html);
        assertThat(code.find()).isTrue();
        mvc.perform(get("/skills-check/resume").param("code", code.group(1).toLowerCase().replace("-", " ")))
                .andExpect(status().is3xxRedirection())
                .andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).isEqualTo(check));
        mvc.perform(get("/skills-check/resume").with(english).param("code", "ZZZZ-ZZZZ"))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("We do not know this code."));
    }

    @Test
    void aSignedInPersonsCheckIsTheirsAlone() throws Exception {
        CurrentAccount owner = person("Ona Owner");
        CurrentAccount other = person("Petras Other");
        String check = startCheck(user(owner));
        mvc.perform(get(check).with(user(owner))).andExpect(status().isOk());
        mvc.perform(get("/skills-check").with(user(owner)).with(english))
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("Quick check: continue (0 answered)"));
        mvc.perform(get(check).with(user(other))).andExpect(status().isNotFound());
        mvc.perform(get(check)).andExpect(status().isNotFound());
    }

    @Test
    void anUnknownGroupCodeIsExplained() throws Exception {
        mvc.perform(post("/skills-check/start").with(csrf()).with(english).param("kind", "QUICK").param("sitting", "NOPE-NOPE"))
                .andExpect(status().isOk())
                .andExpect(r -> assertThat(r.getResponse().getContentAsString()).contains("No open group has this code."));
    }

    CurrentAccount person(String name) {
        String email = name.toLowerCase().replace(' ', '.') + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long id = jdbc.sql("INSERT INTO account (email, display_name, preferred_language) VALUES (?, ?, 'en') RETURNING id")
                .params(email, name).query(Long.class).single();
        return new CurrentAccount(id, email, name, null, true, false, false, Set.of());
    }
}
