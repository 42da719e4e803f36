package org.learningmap.catalogue;

import org.learningmap.shared.LocalizedText;

/** A topic of the site's vocabulary, with the pictogram shown beside it in the easy-read view. */
public record Topic(long id, String slug, LocalizedText name) {

    public String pictogram() {
        return Pictograms.of(slug);
    }
}
