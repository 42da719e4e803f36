package org.learningmap.organisations;

import org.learningmap.platform.FieldErrors;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.platform.RuleViolation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Small things every page of this module needs: the signed-in person, field errors, dates in the site's zone. */
@Component
class PageSupport {

    private final MessageSource messages;

    PageSupport(MessageSource messages) {
        this.messages = messages;
    }

    /** The signed-in person; the security configuration already sent anyone else to sign in. */
    static CurrentAccount me() {
        return CurrentAccount.get().orElseThrow(RuleViolation::forbidden);
    }

    void errors(Model model, FieldErrors errors) {
        model.addAttribute("errors", errors.messages(messages, LocaleContextHolder.getLocale()));
    }

    String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    static String dateTime(Instant instant, ZoneId zone) {
        if (instant == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale).withZone(zone)
                .format(instant);
    }
}
