package org.learningmap.network.methods;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.learningmap.accounts.AccountSummary;
import org.learningmap.accounts.Accounts;
import org.learningmap.organisations.Membership;
import org.learningmap.organisations.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A few library items of the demo library (owner@example.org's organisation in Lithuania): lesson
 * plans and guides as small PDFs made here, a guide with two versions, a hackathon kit (zip) and a
 * video lecture link. An item already there by its title is left alone.
 */
@Component
@Order(101)
@ConditionalOnProperty(name = "learningmap.demo-data.enabled", havingValue = "true")
class LibraryDemo implements ApplicationRunner {

    static final String LESSON_PLAN = "Lesson plan: first steps with e-government services";
    private static final Logger log = LoggerFactory.getLogger(LibraryDemo.class);

    private final MethodsLibrary library;
    private final Accounts accounts;
    private final Organisations organisations;

    LibraryDemo(MethodsLibrary library, Accounts accounts, Organisations organisations) {
        this.library = library;
        this.accounts = accounts;
        this.organisations = organisations;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<AccountSummary> owner = accounts.byEmail("owner@example.org");
        Optional<Membership> home = owner.flatMap(o -> organisations.membershipsOf(o.id()).stream().findFirst());
        if (home.isEmpty()) {
            return;
        }
        long site = home.get().siteId();
        long organisation = home.get().organisationId();
        long by = owner.get().id();
        int added = 0;
        added += add(site, organisation, by, new LibraryInput("LESSON_PLAN", LESSON_PLAN,
                "A 90-minute lesson for adults who have never used e-government: signing in with a bank link, finding a service, "
                        + "keeping the confirmation. With a printable handout.",
                "en", List.of("e-government", "digital-skills"), List.of("ADULTS", "SENIORS"), "", "First edition"),
                pdf("Lesson plan: first steps with e-government services", "90 minutes, for adults and seniors.",
                        "1. Signing in with a bank link", "2. Finding a service", "3. Keeping the confirmation"), "e-government-lesson-plan.pdf");
        added += add(site, organisation, by, new LibraryInput("LESSON_PLAN", "Pamokos planas: saugi bankininkystė internetu",
                "Dviejų valandų užsiėmimas senjorams apie saugią bankininkystę internetu ir sukčiavimo atpažinimą.",
                "lt", List.of("online-safety"), List.of("SENIORS"), "", ""),
                pdf("Pamokos planas: saugi bankininkystė internetu", "Trukmė: 2 valandos. Senjorams.",
                        "1. Kaip atpažinti sukčius", "2. Saugūs slaptažodžiai", "3. Ką daryti, jei kas nors nutiko"), "saugi-bankininkyste.pdf");
        if (!library.hasItem(site, organisation, "Guide for community digital leaders")) {
            long guide = library.create(site, organisation, new LibraryInput("GUIDE", "Guide for community digital leaders",
                    "How to run drop-in help hours at a library branch: preparing, welcoming people, recording help.", "en",
                    List.of("digital-skills"), List.of("EDUCATORS"), "", "First edition"),
                    new MethodsLibrary.Upload("digital-leaders-guide.pdf", pdf("Guide for community digital leaders", "Edition 1")), by);
            library.addVersion(guide, organisation, new MethodsLibrary.Upload("digital-leaders-guide.pdf",
                    pdf("Guide for community digital leaders", "Edition 2: with a chapter on 1:1 help")), "A chapter on 1:1 help", by);
            added++;
        }
        added += add(site, organisation, by, new LibraryInput("MIGRANT_GUIDELINES", "Настанови: цифрові послуги для переселенців",
                "Як допомогти людям з України отримати доступ до електронних послуг у Литві.", "uk",
                List.of("e-government", "citizenship"), List.of("MIGRANTS"), "", ""),
                pdf("Настанови: цифрові послуги для переселенців", "Для освітян і бібліотекарів.",
                        "1. Документи та реєстрація", "2. Електронний підпис", "3. Де шукати допомогу"), "nastanovy-pereselentsi.pdf");
        added += add(site, organisation, by, new LibraryInput("HACKATHON_KIT", "Youth hackathon kit: apps for the neighbourhood",
                "Everything for a two-day hackathon with young people: agenda, challenge cards, jury sheet.", "en",
                List.of("stem", "digital-skills"), List.of("YOUTH"), "", ""),
                zip(), "youth-hackathon-kit.zip");
        if (!library.hasItem(site, organisation, "Video lecture: spotting misinformation")) {
            library.create(site, organisation, new LibraryInput("VIDEO_LECTURE", "Video lecture: spotting misinformation",
                    "A 20-minute lecture for educators on media literacy exercises.", "en", List.of("media-literacy"),
                    List.of("EDUCATORS"), "https://video.example.org/lectures/spotting-misinformation", ""), null, by);
            added++;
        }
        if (added > 0) {
            log.info("Demo library items added: {}", added);
        }
    }

    private int add(long site, long organisation, long by, LibraryInput input, byte[] file, String fileName) {
        if (library.hasItem(site, organisation, input.title())) {
            return 0;
        }
        library.create(site, organisation, input, new MethodsLibrary.Upload(fileName, file), by);
        return 1;
    }

    /** A one-page PDF with a title and lines, in DejaVu Sans so Lithuanian and Ukrainian letters show. */
    static byte[] pdf(String title, String... lines) {
        try (PDDocument document = new PDDocument(); InputStream fontFile = LibraryDemo.class.getResourceAsStream("/fonts/dejavu/DejaVuSans.ttf")) {
            PDPage page = new PDPage();
            document.addPage(page);
            PDType0Font font = PDType0Font.load(document, fontFile);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(font, 18);
                content.newLineAtOffset(56, 730);
                content.showText(title);
                content.setFont(font, 12);
                for (String line : lines) {
                    content.newLineAtOffset(0, -24);
                    content.showText(line);
                }
                content.endText();
            }
            document.getDocumentInformation().setTitle(title);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("README.txt"));
            zip.write("Youth hackathon kit: agenda, challenge cards and jury sheet.\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("agenda.pdf"));
            zip.write(pdf("Hackathon agenda", "Day 1: teams and challenges", "Day 2: building and presenting"));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
