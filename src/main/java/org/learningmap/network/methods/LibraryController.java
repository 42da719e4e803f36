package org.learningmap.network.methods;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.learningmap.catalogue.Audience;
import org.learningmap.catalogue.Catalogue;
import org.learningmap.catalogue.Topic;
import org.learningmap.organisations.Organisations;
import org.learningmap.shared.Languages;
import org.learningmap.shared.LocalizedText;
import org.learningmap.sites.Sites;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public library: search and filters, an item with its versions, downloads and link openings
 * (both counted). Online self-study courses are the catalogue's: the page links to them there.
 */
@Controller
class LibraryController {

    static final int PAGE_SIZE = 50;

    private final MethodsLibrary library;
    private final Catalogue catalogue;
    private final Organisations organisations;

    LibraryController(MethodsLibrary library, Catalogue catalogue, Organisations organisations) {
        this.library = library;
        this.catalogue = catalogue;
        this.organisations = organisations;
    }

    @GetMapping("/library")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String topic, @RequestParam(required = false) String audience,
                  @RequestParam(required = false) String language, Model model) {
        long site = Sites.current().id();
        LibraryKind chosenKind = Arrays.stream(LibraryKind.values()).filter(k -> k.name().equals(kind)).findFirst().orElse(null);
        String chosenAudience = Arrays.stream(Audience.values()).map(Enum::name).filter(a -> a.equals(audience)).findFirst().orElse(null);
        String chosenLanguage = Languages.isInterfaceLanguage(language) ? language : null;
        String text = q == null ? "" : q.strip();
        if (text.length() > 200) {
            text = text.substring(0, 200);
        }
        List<LibraryItem> items = library.search(site, text, chosenKind, topic == null || topic.isBlank() ? null : topic.strip(),
                chosenAudience, chosenLanguage, PAGE_SIZE);
        model.addAttribute("items", items);
        model.addAttribute("q", text);
        model.addAttribute("kind", chosenKind == null ? "" : chosenKind.name());
        model.addAttribute("topic", topic == null ? "" : topic);
        model.addAttribute("audience", chosenAudience == null ? "" : chosenAudience);
        model.addAttribute("language", chosenLanguage == null ? "" : chosenLanguage);
        choices(model, site);
        model.addAttribute("organisationNames", names(items));
        return "network/methods/library";
    }

    @GetMapping("/library/{id}")
    String item(@PathVariable long id, Model model) {
        long site = Sites.current().id();
        LibraryItem item = library.itemOnSite(id, site);
        model.addAttribute("item", item);
        model.addAttribute("versions", library.versions(id));
        model.addAttribute("organisationName", organisations.nameOf(item.organisationId()).orElse(LocalizedText.EMPTY));
        choices(model, site);
        return "network/methods/item";
    }

    @GetMapping("/library/{id}/download")
    ResponseEntity<InputStreamResource> latest(@PathVariable long id) {
        return send(library.download(id, Sites.current().id(), null));
    }

    @GetMapping("/library/{id}/versions/{number}/download")
    ResponseEntity<InputStreamResource> version(@PathVariable long id, @PathVariable int number) {
        return send(library.download(id, Sites.current().id(), number));
    }

    @GetMapping("/library/{id}/open")
    ResponseEntity<Void> open(@PathVariable long id) {
        String url = library.open(id, Sites.current().id());
        return ResponseEntity.status(303).header(HttpHeaders.LOCATION, url).build();
    }

    private ResponseEntity<InputStreamResource> send(MethodsLibrary.Download download) {
        LibraryVersion version = download.version();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(version.fileType().contentType()))
                .contentLength(version.sizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(version.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(new InputStreamResource(download.content()));
    }

    private void choices(Model model, long site) {
        List<Topic> topics = catalogue.topics(site);
        model.addAttribute("topics", topics);
        model.addAttribute("topicNames", topics.stream().collect(java.util.stream.Collectors.toMap(Topic::slug, Topic::name, (a, b) -> a)));
        model.addAttribute("kinds", LibraryKind.values());
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("languages", Languages.INTERFACE);
    }

    private Map<Long, LocalizedText> names(List<LibraryItem> items) {
        Map<Long, LocalizedText> names = new java.util.HashMap<>();
        for (LibraryItem item : items) {
            names.computeIfAbsent(item.organisationId(), id -> organisations.nameOf(id).orElse(LocalizedText.EMPTY));
        }
        return names;
    }
}
