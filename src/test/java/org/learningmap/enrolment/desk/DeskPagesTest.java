package org.learningmap.enrolment.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Year;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.editing.EditingFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The desk's pages: a person made, their consent, their place and their card; and who may do it. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DeskPagesTest {

    private static final Pattern CLAIM_CODE = Pattern.compile("data-claim-code>([A-Z2-9]{4}-[A-Z2-9]{4})<");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwords;

    EditingFixtures fixtures;
    long lietuva;
    long library;
    long elsewhere;
    CurrentAccount librarian;
    CurrentAccount otherStaff;
    CurrentAccount learner;
    long sessionId;
    String desk;
    MockHttpSession staffSession;

    @BeforeEach
    void aLibraryWithASessionAndStaffOfAnother() {
        fixtures = new EditingFixtures(jdbc, passwords);
        lietuva = fixtures.site("lietuva");
        library = fixtures.organisation(lietuva, "Desk Library", "APPROVED");
        elsewhere = fixtures.organisation(lietuva, "Other Youth Centre", "APPROVED");
        librarian = account("Laima Librarian");
        fixtures.member(librarian.id(), library, "EDUCATOR");
        otherStaff = account("Oskaras Other");
        fixtures.member(otherStaff.id(), elsewhere, "OWNER");
        learner = account("Lina Learner");
        long venue = fixtures.venue(lietuva, library, "Central branch", "Vilnius");
        sessionId = session(activity(library, "Smartphone basics for seniors"), venue, 10);
        desk = "/staff/organisations/" + library + "/desk";
        staffSession = new MockHttpSession();
    }

    @Test
    void staffCreateAPersonRecordSpokenConsentSignThemUpAndPrintTheirCard() throws Exception {
        long person = create("Ona Petraitienė", "1948", "lt");
        mvc.perform(get(desk + "/people/" + person + "/consent").with(staff()))
                .andExpect(content().string(containsString("lang=\"lt\">Paklauskite: ar galime saugoti")));

        mvc.perform(post(desk + "/people/" + person + "/consent").param("method", "SPOKEN_WITH_WITNESS").param("witness", "")
                        .with(staff()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please write the name of the witness")))
                .andExpect(content().string(containsString("value=\"SPOKEN_WITH_WITNESS\" checked")));
        assertThat(consents(person)).isZero();
        mvc.perform(post(desk + "/people/" + person + "/consent").param("method", "SPOKEN_WITH_WITNESS")
                        .param("witness", "Rasa Colleague").with(staff()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", desk + "/people/" + person + "/sessions"));
        assertThat(jdbc.sql("SELECT witness_name FROM consent_record WHERE account_id = ?").param(person).query(String.class).single())
                .isEqualTo("Rasa Colleague");

        mvc.perform(get(desk + "/people/" + person + "/sessions").with(staff()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Smartphone basics for seniors")));
        String card = enrol(person, sessionId, "k1");
        assertThat(card).isEqualTo(desk + "/people/" + person + "/sessions/" + sessionId);
        assertThat(jdbc.sql("SELECT source FROM enrolment WHERE account_id = ?").param(person).query(String.class).single())
                .isEqualTo("DESK");

        String page = mvc.perform(get(card).with(staff()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ona Petraitienė has a place.")))
                .andReturn().getResponse().getContentAsString();
        Matcher claim = CLAIM_CODE.matcher(page);
        assertThat(claim.find()).as("the claim code is shown").isTrue();

        MvcResult pdf = mvc.perform(get(card + "/card.pdf").with(staff()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("inline")))
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn();
        java.nio.file.Files.write(java.nio.file.Path.of("target/desk-card-lt.pdf"), pdf.getResponse().getContentAsByteArray());
        try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDRectangle size = document.getPage(0).getMediaBox();
            assertThat(size.getWidth()).isCloseTo(PDRectangle.A6.getWidth(), org.assertj.core.data.Offset.offset(0.5f));
            assertThat(size.getHeight()).isCloseTo(PDRectangle.A6.getHeight(), org.assertj.core.data.Offset.offset(0.5f));
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Ona Petraitienė", "Kompiuterio pradmenys senjorams", claim.group(1), "/claim",
                    "Norėdami matyti savo užsiėmimus internete");
        }

        byte[] again = mvc.perform(get(card + "/card.pdf").with(staff())).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(again)) {
            assertThat(new PDFTextStripper().getText(document)).as("printing again keeps the code").contains(claim.group(1));
        }
        assertThat(openClaimCodes(person)).isEqualTo(1);
    }

    @Test
    void aCardPrintedAtAnotherDeskLeavesTheEarlierCodeWorkingUntilStaffMakeANewOne() throws Exception {
        long person = create("Petras Jonaitis", "1950", "en");
        consent(person);
        String card = enrol(person, sessionId, "k1");
        MockHttpSession another = new MockHttpSession();
        byte[] pdf = mvc.perform(get(card + "/card.pdf").with(as(librarian)).session(another))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Petras Jonaitis", "is on your earlier card");
        }
        assertThat(openClaimCodes(person)).isEqualTo(1);

        mvc.perform(post(card + "/claim-code").with(as(librarian)).session(another).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get(card).with(as(librarian)).session(another)).andReturn().getResponse().getContentAsString();
        Matcher claim = CLAIM_CODE.matcher(page);
        assertThat(claim.find()).isTrue();
        pdf = mvc.perform(get(card + "/card.pdf").with(as(librarian)).session(another)).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains(claim.group(1));
        }
        assertThat(openClaimCodes(person)).as("the earlier code stopped working").isEqualTo(1);
    }

    @Test
    void aDuplicateEnrolmentAtTheDeskGivesTheExistingOutcome() throws Exception {
        long full = session(activity(library, "Full class"), null, 1);
        long someone = account("First Comer").id();
        jdbc.sql("UPDATE account SET site_id = ? WHERE id = ?").params(lietuva, someone).update();
        long person = create("Vida Waiting", "1960", "en");
        consent(person);
        long first = create("First Person", "1961", "en");
        consent(first);
        enrol(first, full, "a");

        String card = enrol(person, full, "k1");
        mvc.perform(get(card).with(staff()))
                .andExpect(content().string(containsString("Vida Waiting is number 1 on the waiting list.")));
        String again = enrol(person, full, "k2");
        assertThat(again).isEqualTo(card + "?already=yes");
        mvc.perform(get(again).with(staff()))
                .andExpect(content().string(containsString("Vida Waiting is number 1 on the waiting list.")))
                .andExpect(content().string(containsString("They had already signed up for this")));
        assertThat(jdbc.sql("SELECT count(*) FROM enrolment WHERE account_id = ?").param(person).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void aMinorNeedsTheGuardiansConsentBeforeAnythingMoreIsKept() throws Exception {
        long child = create("Jonukas Mažasis", String.valueOf(Year.now().getValue() - 10), "lt");
        mvc.perform(get(desk + "/people/" + child + "/consent").with(staff()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("younger than the age of digital consent")))
                .andExpect(content().string(containsString("name=\"guardian\"")));
        mvc.perform(post(desk + "/people/" + child + "/consent").param("method", "PAPER").with(staff()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("please write the name of the parent or guardian")));
        assertThat(consents(child)).isZero();

        mvc.perform(post(desk + "/people/" + child + "/enrolments").param("enrolIn", String.valueOf(sessionId)).param("key", "x")
                        .with(staff()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A parent or guardian must agree first")));
        assertThat(jdbc.sql("SELECT count(*) FROM enrolment WHERE account_id = ?").param(child).query(Integer.class).single()).isZero();

        mvc.perform(post(desk + "/people/" + child + "/consent").param("method", "PAPER").param("guardian", "Asta Mažoji")
                        .param("guardianContact", "+37060011122").with(staff()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        enrol(child, sessionId, "y");
        assertThat(jdbc.sql("SELECT guardian_name FROM consent_record WHERE account_id = ?").param(child).query(String.class).single())
                .isEqualTo("Asta Mažoji");
    }

    @Test
    void whatWasTypedComesBackWithATranslatedError() throws Exception {
        mvc.perform(post(desk + "/people").param("name", "Ona Petraitienė").param("year", "19x8").param("language", "lt")
                        .param("phone", "+370 600 11111").with(staff()).with(csrf()).param("lang", "lt"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Ona Petraitienė\"")))
                .andExpect(content().string(containsString("value=\"+370 600 11111\"")))
                .andExpect(content().string(containsString("value=\"19x8\"")));
    }

    @Test
    void aSessionChosenFromItsRosterTravelsThroughTheSteps() throws Exception {
        mvc.perform(get("/staff/sessions/" + sessionId + "/roster").with(staff()))
                .andExpect(content().string(containsString(desk + "?session=" + sessionId)));
        mvc.perform(get(desk).param("session", String.valueOf(sessionId)).with(staff()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Smartphone basics for seniors")))
                .andExpect(content().string(containsString("name=\"session\" value=\"" + sessionId + "\"")));
        String consent = mvc.perform(post(desk + "/people").param("name", "Rūta Chosen").param("year", "1955").param("language", "en")
                        .param("session", String.valueOf(sessionId)).with(staff()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(consent).endsWith("/consent?session=" + sessionId);
        long person = Long.parseLong(consent.replaceAll(".*/people/(\\d+)/consent.*", "$1"));
        mvc.perform(post(desk + "/people/" + person + "/consent").param("method", "ONLINE").param("session", String.valueOf(sessionId))
                        .with(staff()).with(csrf()))
                .andExpect(header().string("Location", desk + "/people/" + person + "/sessions?session=" + sessionId));
        mvc.perform(get(desk + "/people/" + person + "/sessions").param("session", String.valueOf(sessionId)).with(staff()))
                .andExpect(content().string(containsString("For the session")));
    }

    @Test
    void staffFindPeopleByNameAndYear() throws Exception {
        long person = create("Aldona Kazlauskienė", "1944", "lt");
        mvc.perform(get(desk).param("q", "aldona kazlauskiene").param("year", "1944").with(staff()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Aldona Kazlauskienė")))
                .andExpect(content().string(containsString("/people/" + person + "/consent")));
    }

    @Test
    void staffOfAnotherOrganisationAndLearnersCannotEnrolIntoOrPrintCardsForThisOrganisation() throws Exception {
        long person = create("Ona Guarded", "1950", "en");
        consent(person);
        String card = enrol(person, sessionId, "k");
        for (CurrentAccount outsider : List.of(otherStaff, learner)) {
            for (MockHttpServletRequestBuilder request : List.of(
                    get(desk),
                    post(desk + "/people").param("name", "Intruder").param("year", "1950").param("language", "en"),
                    get(desk + "/people/" + person + "/consent"),
                    post(desk + "/people/" + person + "/consent").param("method", "PAPER"),
                    get(desk + "/people/" + person + "/sessions"),
                    post(desk + "/people/" + person + "/enrolments").param("enrolIn", String.valueOf(sessionId)),
                    get(card),
                    post(card + "/claim-code"),
                    get(card + "/card.pdf"))) {
                mvc.perform(request.with(as(outsider)).with(csrf()))
                        .andExpect(status().isForbidden())
                        .andExpect(content().string(not(containsString("Ona Guarded"))));
            }
        }
        String theirDesk = "/staff/organisations/" + elsewhere + "/desk";
        mvc.perform(post(theirDesk + "/people/" + person + "/enrolments").param("enrolIn", String.valueOf(sessionId))
                        .with(as(otherStaff)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get(theirDesk + "/people/" + person + "/sessions/" + sessionId + "/card.pdf").with(as(otherStaff)))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT count(*) FROM enrolment WHERE account_id = ?").param(person).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE display_name = 'Intruder'").query(Integer.class).single()).isZero();

        mvc.perform(get(desk)).andExpect(status().is3xxRedirection());
    }

    @Test
    void noCardForSomeoneWithoutAPlaceInTheSession() throws Exception {
        long person = create("Nobody Enrolled", "1970", "en");
        mvc.perform(get(desk + "/people/" + person + "/sessions/" + sessionId + "/card.pdf").with(staff()))
                .andExpect(status().isNotFound());
        long ukraine = fixtures.site("ukraina");
        long stranger = account("Far Away").id();
        jdbc.sql("UPDATE account SET site_id = ? WHERE id = ?").params(ukraine, stranger).update();
        mvc.perform(get(desk + "/people/" + stranger + "/consent").with(staff())).andExpect(status().isNotFound());
    }

    // --- steps as staff take them

    private long create(String name, String year, String language) throws Exception {
        MvcResult made = mvc.perform(post(desk + "/people").param("name", name).param("year", year).param("language", language)
                        .with(staff()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        Matcher id = Pattern.compile("/people/(\\d+)/consent").matcher(made.getResponse().getRedirectedUrl());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private void consent(long person) throws Exception {
        mvc.perform(post(desk + "/people/" + person + "/consent").param("method", "PAPER").with(staff()).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private String enrol(long person, long session, String key) throws Exception {
        return mvc.perform(post(desk + "/people/" + person + "/enrolments").param("enrolIn", String.valueOf(session)).param("key", key)
                        .with(staff()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
    }

    private int consents(long person) {
        return jdbc.sql("SELECT count(*) FROM consent_record WHERE account_id = ?").param(person).query(Integer.class).single();
    }

    private int openClaimCodes(long person) {
        return jdbc.sql("SELECT count(*) FROM claim_code WHERE account_id = ? AND used_at IS NULL AND expires_at > now()")
                .param(person).query(Integer.class).single();
    }

    // --- fixtures

    private CurrentAccount account(String name) {
        long id = fixtures.account(name);
        return new CurrentAccount(id, fixtures.email(id), name, null, true, false, false, Set.of());
    }

    private long activity(long organisation, String title) {
        return jdbc.sql("""
                        INSERT INTO activity (site_id, organisation_id, kind, status, title, summary, published_at)
                        SELECT site_id, id, 'CLASS', 'PUBLISHED', ?::jsonb, '{"en": "Calls and photos"}', now() FROM organisation WHERE id = ?
                        RETURNING id
                        """)
                .params("{\"en\": \"" + title + "\", \"lt\": \"Kompiuterio pradmenys senjorams\"}", organisation)
                .query(Long.class).single();
    }

    private long session(long activity, Long venue, int capacity) {
        return jdbc.sql("""
                        INSERT INTO session (site_id, organisation_id, activity_id, venue_id, online_url, starts_at, ends_at, capacity)
                        SELECT site_id, organisation_id, id, ?, CASE WHEN CAST(? AS bigint) IS NULL THEN 'https://meet.example.org/x' END,
                               now() + interval '5 days', now() + interval '5 days 90 minutes', ?
                        FROM activity WHERE id = ?
                        RETURNING id
                        """)
                .params(venue, venue, capacity, activity).query(Long.class).single();
    }

    private RequestPostProcessor staff() {
        return request -> {
            request.setSession(staffSession);
            return as(librarian).postProcessRequest(request);
        };
    }

    /** Signed in, with an English browser. */
    private static RequestPostProcessor as(CurrentAccount account) {
        return request -> {
            request.addHeader("Accept-Language", "en");
            return user(account).postProcessRequest(request);
        };
    }
}
