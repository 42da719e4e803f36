package org.learningmap.assessment;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/** Partners read DigComp 2.2 and 3.0 as open data in their language; an unknown framework is a clear 404. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class FrameworkApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void digComp22InEnglishHasFiveAreasTwentyOneCompetencesAndEightLevels() throws Exception {
        mvc.perform(get("/api/v1/frameworks/digcomp-2.2").param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("DigComp 2.2"))
                .andExpect(jsonPath("$.areas", hasSize(5)))
                .andExpect(jsonPath("$.areas[0].title").value("Information and data literacy"))
                .andExpect(jsonPath("$.areas[1].competences", hasSize(6)))
                .andExpect(jsonPath("$.areas[3].competences[1].code").value("4.2"))
                .andExpect(jsonPath("$.areas[3].competences[1].title").value("Protecting personal data and privacy"))
                .andExpect(jsonPath("$.levels", hasSize(8)))
                .andExpect(jsonPath("$.levels[2].band").value("Intermediate"))
                .andExpect(jsonPath("$.attribution").value(org.hamcrest.Matchers.containsString("CC BY 4.0")));
    }

    @Test
    void digComp30InLithuanianByTheBrowsersLanguage() throws Exception {
        mvc.perform(get("/api/v1/frameworks/digcomp-3.0").header("Accept-Language", "lt"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("lt"))
                .andExpect(jsonPath("$.areas[3].title").value("Sauga, gerovė ir atsakingas naudojimas"))
                .andExpect(jsonPath("$.areas[2].competences[3].title").value("Skaičiuojamasis mąstymas ir programavimas"))
                .andExpect(jsonPath("$.levels[0].band").value("Pradinis"));
    }

    @Test
    void digComp22InUkrainianOnTheUkrainianSite() throws Exception {
        mvc.perform(get("/ukraina/api/v1/frameworks/digcomp-2.2").header("Accept-Language", "uk"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.areas[4].title").value("Розв'язання проблем"))
                .andExpect(jsonPath("$.areas[1].competences[4].title").value("Мережевий етикет"));
    }

    @Test
    void anUnknownFrameworkIsAProblemDetailInTheCallersLanguage() throws Exception {
        mvc.perform(get("/api/v1/frameworks/digcomp-9").header("Accept-Language", "en"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("assessment.framework.unknown"))
                .andExpect(jsonPath("$.detail").value("There is no framework called \"digcomp-9\". Try digcomp-2.2 or digcomp-3.0."));
    }
}
