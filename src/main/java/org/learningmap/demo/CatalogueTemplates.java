package org.learningmap.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.learningmap.platform.Json;
import org.learningmap.shared.LocalizedText;
import org.springframework.core.io.ClassPathResource;

/**
 * The hand-written demo texts in {@code demo/catalogue-templates.json}: the topic vocabulary, name
 * patterns of organisations and venues ({@code {town}}, {@code {n}}) and activities with en, lt
 * and uk texts. A template without a country fits every site.
 */
record CatalogueTemplates(List<TopicTemplate> topics, List<OrganisationTemplate> organisations,
                          List<VenueTemplate> venues, List<ActivityTemplate> activities) {

    record TopicTemplate(String slug, Map<String, String> name) {
        LocalizedText text() {
            return new LocalizedText(name);
        }
    }

    record OrganisationTemplate(String country, String kind, Map<String, String> name, Map<String, String> description) {
    }

    record VenueTemplate(String country, String kind, Map<String, String> name) {
    }

    record ActivityTemplate(String kind, List<String> topics, List<String> audiences, Integer minAge, Integer maxAge,
                            List<String> languages, String country, List<String> digcomp, int sessions,
                            int durationMinutes, int priceCents, boolean online, Map<String, String> title,
                            Map<String, String> summary, Map<String, String> description, Map<String, String> easyRead) {

        boolean fits(String siteCountry) {
            return country == null || country.equals(siteCountry);
        }
    }

    static CatalogueTemplates load() {
        try (InputStream in = new ClassPathResource("demo/catalogue-templates.json").getInputStream()) {
            return Json.mapper().readValue(in, CatalogueTemplates.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
