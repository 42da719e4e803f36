package org.learningmap.catalogue.editing;

import java.util.Currency;
import java.util.Locale;
import org.learningmap.sites.Site;

/** Prices are in the currency of the site's country: euro in Lithuania, hryvnia in Ukraine. */
final class SiteCurrency {

    private SiteCurrency() {
    }

    static String of(Site site) {
        try {
            Currency currency = Currency.getInstance(Locale.of("", site.country()));
            return currency == null ? "EUR" : currency.getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return "EUR";
        }
    }
}
