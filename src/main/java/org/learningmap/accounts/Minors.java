package org.learningmap.accounts;

import java.time.Clock;
import java.time.LocalDate;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.stereotype.Component;

/**
 * Who needs a guardian's consent: a person younger than the site's age of digital consent. Only the
 * year of birth is known, so a person counts as the age they reach this year.
 */
@Component
class Minors {

    private final Sites sites;
    private final Clock clock;

    Minors(Sites sites, Clock clock) {
        this.sites = sites;
        this.clock = clock;
    }

    boolean needsGuardian(int yearOfBirth, Site site) {
        return needsGuardian(yearOfBirth, sites.digitalConsentAge(site.id()), LocalDate.now(clock.withZone(site.zone())).getYear());
    }

    static boolean needsGuardian(int yearOfBirth, int consentAge, int thisYear) {
        return thisYear - yearOfBirth < consentAge;
    }

    /** A year of birth a person can have: not in the future, and not more than 120 years ago. */
    boolean plausibleYear(int yearOfBirth) {
        int thisYear = LocalDate.now(clock).getYear();
        return yearOfBirth <= thisYear && yearOfBirth >= thisYear - 120;
    }
}
