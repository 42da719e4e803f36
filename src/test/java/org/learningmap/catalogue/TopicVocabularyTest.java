package org.learningmap.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.shared.LocalizedText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class TopicVocabularyTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalogue catalogue;

    private long site(String slug) {
        return jdbc.sql("SELECT id FROM site WHERE slug = ?").param(slug).query(Long.class).single();
    }

    private CurrentAccount coordinatorOf(long siteId) {
        String email = "topics." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long id = jdbc.sql("INSERT INTO account (email, display_name) VALUES (?, 'Oksana') RETURNING id").param(email)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO site_role (account_id, site_id, role) VALUES (?, ?, 'COORDINATOR')").params(id, siteId).update();
        return new CurrentAccount(id, email, "Oksana", null, true, false, false, Set.of(siteId));
    }

    private List<String> order(long siteId) {
        return jdbc.sql("SELECT name ->> 'en' FROM topic WHERE site_id = ? ORDER BY position, slug").param(siteId)
                .query(String.class).list();
    }

    @Test
    void aCoordinatorOfAnotherSiteCannotTouchTheVocabulary() throws Exception {
        long lithuania = site("lietuva");
        long ukraine = site("ukraina");
        CurrentAccount lithuanian = coordinatorOf(lithuania);
        long ukrainianTopic = jdbc.sql("SELECT id FROM topic WHERE site_id = ? LIMIT 1").param(ukraine).query(Long.class).single();

        mvc.perform(get("/coordinator/sites/" + ukraine + "/topics").with(user(lithuanian))).andExpect(status().isForbidden());
        mvc.perform(post("/coordinator/sites/" + ukraine + "/topics").param("name[en]", "Intruders").with(csrf()).with(user(lithuanian)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/coordinator/sites/" + ukraine + "/topics/" + ukrainianTopic).param("name[en]", "Renamed")
                        .with(csrf()).with(user(lithuanian)))
                .andExpect(status().isForbidden());
        // Naming one's own site in the address does not reach another site's topic either.
        mvc.perform(post("/coordinator/sites/" + lithuania + "/topics/" + ukrainianTopic).param("name[en]", "Renamed")
                        .with(csrf()).with(user(lithuanian)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/coordinator/sites/" + lithuania + "/topics/" + ukrainianTopic + "/removal").with(csrf()).with(user(lithuanian)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/coordinator/sites/" + ukraine + "/topics")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT name ->> 'en' FROM topic WHERE id = ?").param(ukrainianTopic).query(String.class).single())
                .isNotEqualTo("Renamed");
    }

    @Test
    void aCoordinatorAddsRenamesReordersAndRemovesTopicsAndTheCatalogueUsesThemAtOnce() throws Exception {
        long ukraine = site("ukraina");
        CurrentAccount coordinator = coordinatorOf(ukraine);
        String english = "Beekeeping " + UUID.randomUUID().toString().substring(0, 4);

        mvc.perform(post("/coordinator/sites/" + ukraine + "/topics").param("name[en]", " ").param("name[uk]", "x".repeat(81))
                        .with(csrf()).with(user(coordinator)).header("Accept-Language", "uk"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Кожна назва має бути не довшою за 80 символів.")))
                .andExpect(content().string(containsString("x".repeat(81))));

        mvc.perform(post("/coordinator/sites/" + ukraine + "/topics").param("name[en]", english).param("name[uk]", "Бджільництво")
                        .with(csrf()).with(user(coordinator)))
                .andExpect(redirectedUrl("/coordinator/sites/" + ukraine + "/topics"));
        assertThat(order(ukraine)).last().isEqualTo(english);
        assertThat(catalogue.topics(ukraine)).extracting(topic -> topic.name().in("en")).contains(english);
        long topic = jdbc.sql("SELECT id FROM topic WHERE site_id = ? AND name ->> 'en' = ?").params(ukraine, english)
                .query(Long.class).single();

        mvc.perform(post("/coordinator/sites/" + ukraine + "/topics/" + topic + "/move").param("direction", "up")
                        .with(csrf()).with(user(coordinator)))
                .andExpect(status().is3xxRedirection());
        List<String> order = order(ukraine);
        assertThat(order.get(order.size() - 2)).isEqualTo(english);

        mvc.perform(post("/coordinator/sites/" + ukraine + "/topics/" + topic).param("name[en]", english + " club")
                        .param("name[uk]", "Клуб бджолярів").param("name[lt]", "Bitininkystė").with(csrf()).with(user(coordinator)))
                .andExpect(flash().attribute("done", "topics.renamed"));
        assertThat(catalogue.topics(ukraine)).extracting(t -> t.name()).contains(
                LocalizedText.of(english + " club", "Bitininkystė", "Клуб бджолярів"));

        mvc.perform(post("/coordinator/sites/" + ukraine + "/topics/" + topic + "/removal").with(csrf()).with(user(coordinator)))
                .andExpect(flash().attribute("done", "topics.removed"));
        assertThat(order(ukraine)).doesNotContain(english + " club");

        long used = jdbc.sql("SELECT t.topic_id FROM activity_topic t JOIN topic o ON o.id = t.topic_id WHERE o.site_id = ? LIMIT 1")
                .param(ukraine).query(Long.class).single();
        mvc.perform(post("/coordinator/sites/" + ukraine + "/topics/" + used + "/removal").with(csrf()).with(user(coordinator)))
                .andExpect(flash().attribute("problem", "topics.in-use"));
        mvc.perform(get("/coordinator/sites/" + ukraine + "/topics").with(user(coordinator)).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Activities using it:")));
    }
}
