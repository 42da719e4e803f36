package org.learningmap.network.methods;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.learningmap.catalogue.Audience;
import org.learningmap.platform.FieldErrors;
import org.learningmap.platform.RuleViolation;
import org.learningmap.shared.Languages;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The library's use cases. Authorisation is the pages' (staff EDITOR+ of the item's organisation);
 * here are the rules of the content: a file of an accepted type, within its size, whose name agrees
 * with its content; or an http(s) link; and each new upload a new version.
 */
@Service
public class MethodsLibrary {

    /** An uploaded file as received. */
    public record Upload(String fileName, byte[] bytes) {
        public boolean isEmpty() {
            return bytes == null || bytes.length == 0;
        }
    }

    /** A file to send, already counted as a download. */
    public record Download(LibraryVersion version, InputStream content) {
    }

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,60}");
    private static final Set<String> AUDIENCES = java.util.Arrays.stream(Audience.values()).map(Enum::name)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private final LibraryStore store;
    private final FileStore files;
    private final long uploadLimit;

    MethodsLibrary(LibraryStore store, FileStore files,
                   @org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-file-size:5MB}")
                   org.springframework.util.unit.DataSize uploadLimit) {
        this.store = store;
        this.files = files;
        this.uploadLimit = uploadLimit.toBytes();
    }

    /** The largest file of the type this installation takes: the type's own limit, or the upload limit when lower. */
    public long maxBytes(FileType type) {
        return Math.min(type.maxBytes(), uploadLimit);
    }

    /** The accepted types with their limits, for the form's hint: "PDF (5 MB), DOCX (5 MB), …". */
    public String acceptedTypes() {
        return java.util.Arrays.stream(FileType.values())
                .map(t -> t.extension().toUpperCase(Locale.ROOT) + " (" + Math.max(1, maxBytes(t) / (1024 * 1024)) + " MB)")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** Adds an item with its first version (a file) or its link. */
    @Transactional
    public long create(long siteId, long organisationId, LibraryInput input, Upload upload, long by) {
        FieldErrors errors = new FieldErrors();
        LibraryKind kind = null;
        try {
            kind = LibraryKind.valueOf(strip(input.kind()));
        } catch (IllegalArgumentException e) {
            errors.reject("kind", "network-library.item.kind.required");
        }
        String title = strip(input.title());
        if (title.isEmpty()) {
            errors.reject("title", "network-library.item.title.required");
        } else if (title.length() > 200) {
            errors.reject("title", "network-library.field.too-long", 200);
        }
        String description = strip(input.description());
        if (description.length() > 4000) {
            errors.reject("description", "network-library.field.too-long", 4000);
        }
        String language = strip(input.language());
        if (!Languages.isInterfaceLanguage(language)) {
            errors.reject("language", "network-library.item.language.required");
        }
        if (input.topics().size() > 20 || input.topics().stream().anyMatch(t -> !SLUG.matcher(t).matches())) {
            errors.reject("topics", "network-library.item.topics.invalid");
        }
        if (input.audiences().stream().anyMatch(a -> !AUDIENCES.contains(a))) {
            errors.reject("audiences", "network-library.item.audiences.invalid");
        }
        String link = strip(input.linkUrl());
        boolean hasFile = upload != null && !upload.isEmpty();
        FileType type = null;
        if (hasFile && !link.isEmpty()) {
            errors.reject("file", "network-library.item.file-or-link");
        } else if (!hasFile && link.isEmpty()) {
            errors.reject("file", "network-library.item.file-or-link");
        } else if (hasFile) {
            type = check(upload, uploadLimit, errors);
        } else if (!isWebLink(link)) {
            errors.reject("linkUrl", "network-library.item.link.invalid");
        }
        errors.throwIfAny();
        long id = store.insert(siteId, organisationId, kind, title, description, language,
                input.topics().stream().distinct().toList(), input.audiences().stream().distinct().toList(),
                hasFile ? null : link, by);
        if (hasFile) {
            keep(id, siteId, organisationId, upload, type, strip(input.note()), by);
        }
        return id;
    }

    /** A new version of an item's file; the earlier ones stay downloadable. */
    @Transactional
    public int addVersion(long itemId, long organisationId, Upload upload, String note, long by) {
        LibraryItem item = itemOf(itemId, organisationId);
        FieldErrors errors = new FieldErrors();
        if (item.isLink()) {
            throw new RuleViolation("network-library.item.link-has-no-versions");
        }
        FileType type = null;
        if (upload == null || upload.isEmpty()) {
            errors.reject("file", "network-library.file.empty");
        } else {
            type = check(upload, uploadLimit, errors);
        }
        if (strip(note).length() > 500) {
            errors.reject("note", "network-library.field.too-long", 500);
        }
        errors.throwIfAny();
        return keep(itemId, item.siteId(), organisationId, upload, type, strip(note), by);
    }

    @Transactional
    public void delete(long itemId, long organisationId) {
        itemOf(itemId, organisationId);
        store.delete(itemId);
    }

    /** The item if it belongs to the organisation, else 404. */
    public LibraryItem itemOf(long itemId, long organisationId) {
        return store.find(itemId).filter(i -> i.organisationId() == organisationId).orElseThrow(RuleViolation::notFound);
    }

    /** The item if it is on the site, else 404. */
    public LibraryItem itemOnSite(long itemId, long siteId) {
        return store.find(itemId).filter(i -> i.siteId() == siteId).orElseThrow(RuleViolation::notFound);
    }

    /** Whether the organisation already has an item of this title on the site (for loading demo content once). */
    public boolean hasItem(long siteId, long organisationId, String title) {
        return store.exists(siteId, organisationId, title);
    }

    public List<LibraryVersion> versions(long itemId) {
        return store.versions(itemId);
    }

    public List<LibraryItem> ofOrganisation(long organisationId) {
        return store.ofOrganisation(organisationId);
    }

    public List<LibraryItem> search(long siteId, String text, LibraryKind kind, String topic, String audience, String language,
                                    int limit) {
        return store.search(siteId, new LibraryStore.Filter(text, kind, topic, audience, language, null), limit);
    }

    /** A version's file (the newest when {@code number} is null), counted as one download. */
    @Transactional
    public Download download(long itemId, long siteId, Integer number) {
        LibraryItem item = itemOnSite(itemId, siteId);
        if (item.latest() == null) {
            throw RuleViolation.notFound();
        }
        LibraryVersion version = store.version(itemId, number == null ? item.latest() : number).orElseThrow(RuleViolation::notFound);
        try {
            InputStream content = files.open(version.fileKey());
            store.countDownload(version.id());
            return new Download(version, content);
        } catch (IOException e) {
            throw RuleViolation.notFound();
        }
    }

    /** A link item's address, counted as one opening. */
    @Transactional
    public String open(long itemId, long siteId) {
        LibraryItem item = itemOnSite(itemId, siteId);
        if (!item.isLink()) {
            throw RuleViolation.notFound();
        }
        store.countOpen(itemId);
        return item.linkUrl();
    }

    /** The type of the upload after checking content, name and size; problems go to the {@code file} field. */
    static FileType check(Upload upload, FieldErrors errors) {
        return check(upload, Long.MAX_VALUE, errors);
    }

    /** The same with an installation's upload limit below the type's own. */
    static FileType check(Upload upload, long limit, FieldErrors errors) {
        Optional<FileType> sniffed = FileType.sniff(upload.bytes());
        if (sniffed.isEmpty()) {
            errors.reject("file", "network-library.file.type");
            return null;
        }
        FileType type = sniffed.get();
        if (!type.named(upload.fileName())) {
            errors.reject("file", "network-library.file.mismatch", type.extension().toUpperCase(Locale.ROOT));
            return null;
        }
        long max = Math.min(type.maxBytes(), limit);
        if (upload.bytes().length > max) {
            errors.reject("file", "network-library.file.too-large", type.extension().toUpperCase(Locale.ROOT), Math.max(1, max / (1024 * 1024)));
            return null;
        }
        String name = upload.fileName() == null ? "" : upload.fileName().replaceAll("[\\\\/]+", "_").strip();
        if (name.length() > 200) {
            errors.reject("file", "network-library.field.too-long", 200);
            return null;
        }
        return type;
    }

    private int keep(long itemId, long siteId, long organisationId, Upload upload, FileType type, String note, long by) {
        String key = "library/" + siteId + "/" + UUID.randomUUID() + "." + type.extension();
        try {
            files.put(key, upload.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = upload.fileName().replaceAll("[\\\\/]+", "_").strip();
        return store.addVersion(itemId, organisationId, key, name, type, upload.bytes().length, sha256(upload.bytes()), note, by);
    }

    private static boolean isWebLink(String link) {
        if (link.length() > 500) {
            return false;
        }
        try {
            URI uri = new URI(link);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
