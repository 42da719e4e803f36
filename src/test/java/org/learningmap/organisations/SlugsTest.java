package org.learningmap.organisations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void lithuanianLettersLoseTheirAccents() {
        assertThat(Slugs.of("Šiaulių „Aušros“ viešoji biblioteka")).isEqualTo("siauliu-ausros-viesoji-biblioteka");
    }

    @Test
    void ukrainianIsTransliteratedAsOnPassports() {
        assertThat(Slugs.of("Житомирська обласна бібліотека для юнацтва")).isEqualTo("zhytomyrska-oblasna-biblioteka-dlia-iunatstva");
        assertThat(Slugs.of("Центр «Ґараж» 2026")).isEqualTo("tsentr-garazh-2026");
    }

    @Test
    void nothingUsableGivesAPlainNameAndLongNamesAreCut() {
        assertThat(Slugs.of("!!! ???")).isEqualTo("organisation");
        String slug = Slugs.of("a very long name ".repeat(10));
        assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-");
    }

    @Test
    void aTakenAddressGetsTheFirstFreeNumber() {
        Set<String> taken = Set.of("library", "library-2");
        assertThat(Slugs.firstFree("library", taken::contains)).isEqualTo("library-3");
        assertThat(Slugs.firstFree("club", taken::contains)).isEqualTo("club");
    }
}
