package org.learningmap.catalogue.editing;

import java.io.IOException;
import java.time.Duration;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.platform.RuleViolation;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Activity pictures: staff upload one on the activity page; anyone fetches it at {@code /images/{id}}.
 * A stored picture never changes (a new upload gets a new id), so browsers and proxies may keep it
 * for a year.
 */
@Controller
class ActivityImageController {

    private final ActivityEditing editing;
    private final ImageStore images;
    private final StaffPages pages;
    private final StaffAccess access;
    private final StaffActivitiesController activities;

    ActivityImageController(ActivityEditing editing, ImageStore images, StaffPages pages, StaffAccess access,
                            StaffActivitiesController activities) {
        this.editing = editing;
        this.images = images;
        this.pages = pages;
        this.access = access;
        this.activities = activities;
    }

    @PostMapping("/staff/organisations/{orgId}/activities/{id}/image")
    String upload(@PathVariable long orgId, @PathVariable long id, @RequestParam(name = "image", required = false) MultipartFile file,
                  Model model, RedirectAttributes redirect) throws IOException {
        CurrentAccount account = pages.editor(orgId, model);
        StoredActivity activity = editing.view(account.id(), id);
        StaffPages.belongs(activity, orgId);
        try {
            if (file != null && file.getSize() > ImageProcessor.MAX_BYTES) {
                throw new InvalidInput(FieldProblem.of("image", "image.too-large", ImageProcessor.MAX_BYTES / (1024 * 1024)));
            }
            editing.attachImage(account.id(), id, file == null ? new byte[0] : file.getBytes());
            redirect.addFlashAttribute("notice", "editing.notice.image-saved");
            return "redirect:/staff/organisations/" + orgId + "/activities/" + id;
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", pages.errors(invalid.problems()));
            activities.addActivity(model, activity);
            return "catalogue/editing/activity";
        }
    }

    @GetMapping("/images/{id}")
    ResponseEntity<byte[]> image(@PathVariable long id) {
        ImageStore.Image image = images.find(id).orElseThrow(RuleViolation::notFound);
        if (image.shownPublicly()) {
            return ResponseEntity.ok()
                    .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                    .eTag("\"image-" + id + "\"")
                    .contentType(MediaType.parseMediaType(image.contentType()))
                    .header("X-Content-Type-Options", "nosniff")
                    .body(image.bytes());
        }
        boolean staff = CurrentAccount.get().map(account -> access.canView(account.id(), image.organisationId())).orElse(false);
        if (!staff) {
            throw RuleViolation.notFound();
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate())
                .contentType(MediaType.parseMediaType(image.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .body(image.bytes());
    }
}
