package org.learningmap.enrolment;

import org.learningmap.platform.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The page a reminder links to: "still coming?", answered without signing in. */
@Controller
class ReminderPages {

    private final Reminders reminders;
    private final Enrolments enrolments;
    private final EnrolmentStore store;

    ReminderPages(Reminders reminders, Enrolments enrolments, EnrolmentStore store) {
        this.reminders = reminders;
        this.enrolments = enrolments;
        this.store = store;
    }

    @GetMapping("/enrolment/reminder/{token}")
    String show(@PathVariable String token, Model model) {
        return page(token, model, null);
    }

    @PostMapping("/enrolment/reminder/{token}/coming")
    String coming(@PathVariable String token, Model model) {
        reminders.coming(token);
        return page(token, model, "enrolment.reminder.confirmed");
    }

    @PostMapping("/enrolment/reminder/{token}/release")
    String release(@PathVariable String token, Model model) {
        reminders.release(token);
        return page(token, model, "enrolment.reminder.released");
    }

    private String page(String token, Model model, String notice) {
        Reminders.Reminder reminder = reminders.byLink(token).orElseThrow(ReminderPages::invalid);
        EnrolmentRow row = store.find(reminder.enrolmentId()).orElseThrow(ReminderPages::invalid);
        model.addAttribute("token", token);
        model.addAttribute("reminder", reminder);
        model.addAttribute("facts", enrolments.session(reminder.sessionId()).orElseThrow(ReminderPages::invalid));
        model.addAttribute("active", row.status() != EnrolmentStatus.CANCELLED);
        model.addAttribute("notice", notice);
        return "enrolment/reminder";
    }

    private static RuleViolation invalid() {
        return new RuleViolation(HttpStatus.NOT_FOUND, EnrolmentRules.INVALID_LINK);
    }
}
