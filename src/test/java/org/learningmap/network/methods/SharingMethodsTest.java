package org.learningmap.network.methods;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.network.cascades.NetworkWebTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** Staff share files and links; each upload is a new version, old ones stay; downloads are counted; others cannot touch them. */
class SharingMethodsTest extends NetworkWebTest {

    CurrentAccount editor;
    long library;
    String title;

    @BeforeEach
    void aLibraryWithAnEditor() {
        editor = person("Rasa Redaktorė");
        library = organisation("lietuva", "Panevėžys Library", editor, "EDITOR");
        title = "Lesson plan " + UUID.randomUUID().toString().substring(0, 8);
    }

    private MockMultipartHttpServletRequestBuilder upload(String fileName, byte[] bytes) {
        MockMultipartHttpServletRequestBuilder request = multipart("/staff/organisations/" + library + "/library");
        request.file(new MockMultipartFile("file", fileName, "application/octet-stream", bytes));
        request.param("kind", "LESSON_PLAN").param("title", title).param("description", "Ninety minutes on e-services.")
                .param("language", "en").param("topics", "e-government").param("audiences", "SENIORS");
        return request;
    }

    private long itemId() {
        return jdbc.sql("SELECT id FROM library_item WHERE title = ?").param(title).query(Long.class).single();
    }

    @Test
    void aNewUploadIsANewVersionOldVersionsStayDownloadableAndDownloadsAreCounted() throws Exception {
        byte[] first = LibraryDemo.pdf(title, "Edition one");
        mvc.perform(upload("plan.pdf", first).with(user(editor)).with(csrf())).andExpect(status().is3xxRedirection());
        long item = itemId();
        byte[] second = LibraryDemo.pdf(title, "Edition two, with a handout");
        mvc.perform(multipart("/staff/organisations/" + library + "/library/" + item + "/versions")
                        .file(new MockMultipartFile("file", "plan-v2.pdf", "application/pdf", second))
                        .param("note", "A handout added").with(user(editor)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        // Anyone, signed in or not, finds it and downloads the newest and the first version.
        mvc.perform(get("/library").param("q", title).param("kind", "LESSON_PLAN").param("audience", "SENIORS"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(title)));
        byte[] newest = mvc.perform(get("/library/" + item + "/download"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("plan-v2.pdf")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(newest).isEqualTo(second);
        byte[] old = mvc.perform(get("/library/" + item + "/versions/1/download")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(old).isEqualTo(first);
        mvc.perform(get("/library/" + item + "/versions/2/download")).andExpect(status().isOk());
        mvc.perform(get("/library/" + item + "/versions/3/download")).andExpect(status().isNotFound());

        mvc.perform(get("/library/" + item).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Downloads: 3")))
                .andExpect(content().string(containsString("Version 2: plan-v2.pdf")))
                .andExpect(content().string(containsString("A handout added")));
        assertThat(jdbc.sql("SELECT number || ':' || downloads FROM library_version WHERE item_id = ? ORDER BY number").param(item)
                .query(String.class).list()).containsExactly("1:1", "2:2");
        // The files are in the file store, not in the database.
        assertThat(jdbc.sql("SELECT file_key FROM library_version WHERE item_id = ?").param(item).query(String.class).list())
                .allMatch(key -> key.startsWith("library/"));
    }

    @Test
    void aProgramDisguisedAsAPdfIsRefusedWithATranslatedMessage() throws Exception {
        byte[] program = "MZ\u0090\u0000\u0003 a Windows program".getBytes(StandardCharsets.ISO_8859_1);
        mvc.perform(upload("lesson-plan.pdf", program).with(user(editor)).with(csrf()).header("Accept-Language", "uk"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Цей файл не належить до дозволених видів")));
        mvc.perform(upload("lesson-plan.docx", LibraryDemo.pdf("A PDF")).with(user(editor)).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The file name does not match its content, which is PDF.")));
        assertThat(jdbc.sql("SELECT count(*) FROM library_item WHERE organisation_id = ?").param(library).query(Integer.class).single()).isZero();
    }

    @Test
    void aLinkIsOpenedThroughTheLibraryAndCounted() throws Exception {
        mvc.perform(multipart("/staff/organisations/" + library + "/library").with(user(editor)).with(csrf())
                        .param("kind", "VIDEO_LECTURE").param("title", title).param("language", "lt")
                        .param("linkUrl", "https://video.example.org/lectures/e-services"))
                .andExpect(status().is3xxRedirection());
        long item = itemId();
        mvc.perform(get("/library/" + item + "/open"))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", "https://video.example.org/lectures/e-services"));
        assertThat(jdbc.sql("SELECT link_opens FROM library_item WHERE id = ?").param(item).query(Long.class).single()).isEqualTo(1);
        mvc.perform(multipart("/staff/organisations/" + library + "/library").with(user(editor)).with(csrf())
                        .param("kind", "VIDEO_LECTURE").param("title", title + " bad").param("language", "lt")
                        .param("linkUrl", "javascript:alert(1)").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please give a web address starting with https://")));
    }

    @Test
    void staffOfAnotherOrganisationCannotManageTheItems() throws Exception {
        mvc.perform(upload("plan.pdf", LibraryDemo.pdf(title)).with(user(editor)).with(csrf())).andExpect(status().is3xxRedirection());
        long item = itemId();
        CurrentAccount outsider = person("Owner Elsewhere");
        long theirs = organisation("lietuva", "Another Library", outsider, "OWNER");
        for (AbstractMockHttpServletRequestBuilder<?> request : List.<AbstractMockHttpServletRequestBuilder<?>>of(
                get("/staff/organisations/" + library + "/library"),
                get("/staff/organisations/" + library + "/library/new"),
                get("/staff/organisations/" + library + "/library/" + item),
                multipart("/staff/organisations/" + library + "/library/" + item + "/versions")
                        .file(new MockMultipartFile("file", "evil.pdf", "application/pdf", LibraryDemo.pdf("Evil"))),
                post("/staff/organisations/" + library + "/library/" + item + "/deletion"))) {
            mvc.perform(request.with(user(outsider)).with(csrf())).andExpect(status().isForbidden());
        }
        // Their item under their own organisation's address does not exist.
        mvc.perform(get("/staff/organisations/" + theirs + "/library/" + item).with(user(outsider))).andExpect(status().isNotFound());
        mvc.perform(post("/staff/organisations/" + theirs + "/library/" + item + "/deletion").with(user(outsider)).with(csrf()))
                .andExpect(status().isNotFound());
        // Without the CSRF token nothing is changed either.
        mvc.perform(post("/staff/organisations/" + library + "/library/" + item + "/deletion").with(user(editor)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM library_version WHERE item_id = ?").param(item).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anOnlineSelfStudyCourseIsFoundInTheCatalogueSearchAndTheLibraryLinksThere() throws Exception {
        String course = jdbc.sql("""
                        SELECT a.title ->> 'en' FROM activity a JOIN site s ON s.id = a.site_id
                        WHERE s.slug = 'lietuva' AND a.kind = 'ONLINE_COURSE' AND a.status = 'PUBLISHED' AND a.title ->> 'en' IS NOT NULL
                        ORDER BY a.id LIMIT 1
                        """).query(String.class).single();

        mvc.perform(get("/search").param("kind", "ONLINE_COURSE").param("q", course))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(org.springframework.web.util.HtmlUtils.htmlEscape(course))));
        mvc.perform(get("/library"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/search?kind=ONLINE_COURSE")));
    }

    @Test
    void theDemoLibraryHasALessonPlanWithAPdfAndAGuideWithTwoVersions() {
        assertThat(jdbc.sql("SELECT count(*) FROM library_item WHERE title = ?").param(LibraryDemo.LESSON_PLAN).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM library_version v JOIN library_item i ON i.id = v.item_id
                WHERE i.title = 'Guide for community digital leaders'
                """).query(Integer.class).single()).isEqualTo(2);
    }
}
