package org.learningmap.recognition.earning;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.learningmap.accounts.CurrentAccount;
import org.learningmap.catalogue.Formats;
import org.learningmap.platform.QrCodes;
import org.learningmap.platform.RuleViolation;
import org.learningmap.recognition.AwardOutcome;
import org.learningmap.recognition.Badge;
import org.learningmap.recognition.BadgeImage;
import org.learningmap.recognition.Recognition;
import org.learningmap.sites.Site;
import org.learningmap.sites.Sites;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Claim codes. Staff open a claim ({@code POST /staff/badges/{id}/award/claims}) and show its screen:
 * a big QR code, the code and the link. A learner opening {@code /badges/claim/{code}} signed in sees
 * the badge and a "Claim this badge" button (a POST with the CSRF token) that awards it; otherwise the
 * page offers to sign in, to create an account, or to take over the account of a printed desk card,
 * each coming back to this page afterwards. Unknown codes are counted per client address and per
 * account ({@link ClaimGuesses}); too many answer 429.
 */
@Controller
class BadgeClaimController {

    private static final String HELD = BadgeClaimController.class.getName() + ".codes";

    private final BadgeClaims claims;
    private final EarningAccess access;
    private final java.time.Clock clock;
    private final Recognition recognition;
    private final ClaimGuesses guesses;

    BadgeClaimController(BadgeClaims claims, EarningAccess access, java.time.Clock clock, Recognition recognition, ClaimGuesses guesses) {
        this.guesses = guesses;
        this.recognition = recognition;
        this.claims = claims;
        this.access = access;
        this.clock = clock;
    }

    // --- staff

    @PostMapping("/staff/badges/{badgeId}/award/claims")
    String open(@PathVariable long badgeId, @RequestParam(required = false) Integer minutes, HttpServletRequest request) {
        BadgeClaims.Opened opened = claims.open(badgeId, EarningAccess.me().id(), minutes);
        hold(request.getSession(), opened.claimId(), opened.code());
        return "redirect:/staff/badges/" + badgeId + "/award/claims/" + opened.claimId();
    }

    @GetMapping("/staff/badges/{badgeId}/award/claims/{claimId}")
    String screen(@PathVariable long badgeId, @PathVariable long claimId, Model model, HttpServletRequest request,
                  @RequestHeader(value = "HX-Request", required = false) String htmx) {
        long me = EarningAccess.me().id();
        BadgeClaims.Claim claim = claims.ofBadge(badgeId, claimId, me);
        Badge badge = access.badge(badgeId);
        Site site = Sites.current();
        Locale locale = LocaleContextHolder.getLocale();
        boolean open = claim.open(clock.instant());
        Optional<String> code = open ? held(request.getSession(false), claimId) : Optional.empty();
        model.addAttribute("badge", badge);
        model.addAttribute("badgeName", badge.name().in(locale));
        model.addAttribute("claim", claim);
        model.addAttribute("open", open);
        model.addAttribute("until", Formats.time(claim.expiresAt(), site.zone(), locale));
        code.ifPresent(c -> {
            String url = ServletUriComponentsBuilder.fromContextPath(request).path("/badges/claim/{code}").buildAndExpand(c).toUriString();
            model.addAttribute("code", c);
            model.addAttribute("claimUrl", url);
            model.addAttribute("qr", QrCodes.svgDataUri(url));
        });
        return htmx != null ? "recognition/earning/claim-screen :: count" : "recognition/earning/claim-screen";
    }

    @PostMapping("/staff/badges/{badgeId}/award/claims/{claimId}/new-code")
    String newCode(@PathVariable long badgeId, @PathVariable long claimId, HttpServletRequest request) {
        BadgeClaims.Opened opened = claims.newCode(badgeId, claimId, EarningAccess.me().id());
        hold(request.getSession(), claimId, opened.code());
        return "redirect:/staff/badges/" + badgeId + "/award/claims/" + claimId;
    }

    @PostMapping("/staff/badges/{badgeId}/award/claims/{claimId}/close")
    String close(@PathVariable long badgeId, @PathVariable long claimId) {
        claims.close(badgeId, claimId, EarningAccess.me().id());
        return "redirect:/staff/badges/" + badgeId + "/award/claims/" + claimId;
    }

    // --- learners

    /** The form to type a code; a typed code goes to its claim page. */
    @GetMapping("/badges/claim")
    String typeCode(@RequestParam(required = false) String code, Model model) {
        if (code != null && !code.isBlank()) {
            Optional<String> normal = ClaimCodes.normalise(code);
            if (normal.isPresent()) {
                return "redirect:/badges/claim/" + normal.get();
            }
            model.addAttribute("problem", BadgeClaims.UNKNOWN);
            model.addAttribute("typed", code);
        }
        return "recognition/earning/claim-type";
    }

    /** The badge a code leads to: signed in, with a "Claim this badge" button; otherwise the ways to sign in and come back. */
    @GetMapping("/badges/claim/{code}")
    String claim(@PathVariable String code, Model model, HttpServletRequest request, HttpServletResponse response) {
        Optional<CurrentAccount> me = CurrentAccount.get();
        Optional<Looked> found = find(code, me, model, request, response);
        if (found.isEmpty()) {
            return "recognition/earning/claim-type";
        }
        Badge badge = found.get().badge();
        if (found.get().problem()) {
            return "recognition/earning/claim";
        }
        String normal = ClaimCodes.normalise(code).orElseThrow();
        if (me.isEmpty()) {
            String back = "/badges/claim/" + normal;
            model.addAttribute("signInPath", "/account/badges/claim/" + normal);
            model.addAttribute("signUpNext", back);
            model.addAttribute("cardNext", back);
            return "recognition/earning/claim";
        }
        boolean held = recognition.awardsOf(me.get().id()).stream().anyMatch(a -> a.badgeId() == badge.id() && !a.revoked());
        if (held) {
            model.addAttribute("outcome", new AwardOutcome(recognition.awardsOf(me.get().id()).stream()
                    .filter(a -> a.badgeId() == badge.id() && !a.revoked()).findFirst().orElseThrow(), false));
        } else {
            model.addAttribute("confirmPath", "/badges/claim/" + normal);
        }
        addImage(model, badge);
        return "recognition/earning/claim";
    }

    /** "Claim this badge": gives the signed-in person the badge, once. */
    @PostMapping("/badges/claim/{code}")
    String confirm(@PathVariable String code, Model model, HttpServletRequest request, HttpServletResponse response) {
        Optional<CurrentAccount> me = CurrentAccount.get();
        Optional<Looked> found = find(code, me, model, request, response);
        if (found.isEmpty()) {
            return "recognition/earning/claim-type";
        }
        if (found.get().problem()) {
            return "recognition/earning/claim";
        }
        String normal = ClaimCodes.normalise(code).orElseThrow();
        if (me.isEmpty()) {
            return "redirect:/account/badges/claim/" + normal;
        }
        model.addAttribute("outcome", claims.claim(normal, me.get().id()));
        addImage(model, found.get().badge());
        return "recognition/earning/claim";
    }

    /** What a code leads to, after the guessing limit; fills the model for an unknown, expired or closed code. */
    private Optional<Looked> find(String code, Optional<CurrentAccount> me, Model model,
                                             HttpServletRequest request, HttpServletResponse response) {
        Long accountId = me.map(CurrentAccount::id).orElse(null);
        guesses.check(request.getRemoteAddr(), accountId);
        Optional<BadgeClaims.Found> found = claims.lookUp(code);
        if (found.isEmpty()) {
            guesses.wrong(request.getRemoteAddr(), accountId);
            response.setStatus(404);
            model.addAttribute("problem", BadgeClaims.UNKNOWN);
            model.addAttribute("typed", code);
            return Optional.empty();
        }
        Badge badge = access.badge(found.get().claim().badgeId());
        model.addAttribute("badge", badge);
        model.addAttribute("badgeName", badge.name().in(LocaleContextHolder.getLocale()));
        boolean problem = !"OPEN".equals(found.get().state());
        if (problem) {
            response.setStatus(410);
            model.addAttribute("problem", "CLOSED".equals(found.get().state()) ? BadgeClaims.CLOSED : BadgeClaims.EXPIRED);
        }
        return Optional.of(new Looked(found.get(), badge, problem));
    }

    private record Looked(BadgeClaims.Found found, Badge badge, boolean problem) {
    }

    private void addImage(Model model, Badge badge) {
        BadgeImage image = recognition.imagePng(badge.id());
        model.addAttribute("badgeImage", "data:" + image.contentType() + ";base64," + java.util.Base64.getEncoder().encodeToString(image.bytes()));
    }

    /** Behind sign-in: the sign-in page brings the person back here, and from here to the claim. */
    @GetMapping("/account/badges/claim/{code}")
    String afterSignIn(@PathVariable String code) {
        return "redirect:/badges/claim/" + UriUtils.encodePathSegment(ClaimCodes.normalise(code).orElse("unknown"), "UTF-8");
    }

    private static void hold(HttpSession session, long claimId, String code) {
        synchronized (session) {
            Map<Long, String> codes = codes(session);
            codes.put(claimId, code);
            session.setAttribute(HELD, codes);
        }
    }

    private static Optional<String> held(HttpSession session, long claimId) {
        if (session == null) {
            return Optional.empty();
        }
        synchronized (session) {
            return Optional.ofNullable(codes(session).get(claimId));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, String> codes(HttpSession session) {
        Object held = session.getAttribute(HELD);
        HashMap<Long, String> codes = held instanceof HashMap<?, ?> map ? (HashMap<Long, String>) map : new HashMap<>();
        if (codes.size() > 100) {
            codes.clear();
        }
        return codes;
    }
}
